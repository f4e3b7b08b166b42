/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AgentFields on Agent { id name extension }\n": typeof types.AgentFieldsFragmentDoc,
    "\n  fragment ContactFields on Contact { id name company phoneNumber }\n": typeof types.ContactFieldsFragmentDoc,
    "\n  fragment CallSummaryFields on Call {\n    id\n    direction\n    status\n    callerNumber\n    callerName\n    dialedNumber\n    agentExtension\n    startedAt\n    answeredAt\n    endedAt\n    ringSeconds\n    talkSeconds\n    version\n    agent { ...AgentFields }\n    contact { ...ContactFields }\n  }\n": typeof types.CallSummaryFieldsFragmentDoc,
    "\n  fragment CallStatsFields on CallStats {\n    key\n    total\n    answered\n    missed\n    busy\n    failed\n    averageWaitSeconds\n    averageTalkSeconds\n    answeredWithinServiceLevel\n    serviceLevel\n  }\n": typeof types.CallStatsFieldsFragmentDoc,
    "\n  fragment LiveCallFields on Call {\n    ...CallSummaryFields\n    isLive\n    holdCount\n    transferCount\n    legs { id onHold }\n  }\n": typeof types.LiveCallFieldsFragmentDoc,
    "\n  query LiveCalls {\n    liveCalls { ...LiveCallFields }\n  }\n": typeof types.LiveCallsDocument,
    "\n  subscription LiveCallsChanged {\n    liveCallsChanged {\n      callId\n      live\n      call { ...LiveCallFields }\n    }\n  }\n": typeof types.LiveCallsChangedDocument,
    "\n  query TodayStats($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {\n    callStats(from: $from, until: $until, groupBy: DAY, timeZone: $timeZone) { ...CallStatsFields }\n  }\n": typeof types.TodayStatsDocument,
    "\n  fragment AgentAdminFields on Agent { ...AgentFields email active }\n": typeof types.AgentAdminFieldsFragmentDoc,
    "\n  query Agents { agents { ...AgentAdminFields } }\n": typeof types.AgentsDocument,
    "\n  query AgentsToday($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {\n    callStats(from: $from, until: $until, groupBy: AGENT, timeZone: $timeZone) { ...CallStatsFields }\n  }\n": typeof types.AgentsTodayDocument,
    "\n  mutation CreateAgent($input: AgentInput!) { createAgent(input: $input) { ...AgentAdminFields } }\n": typeof types.CreateAgentDocument,
    "\n  mutation UpdateAgent($id: ID!, $input: AgentInput!) { updateAgent(id: $id, input: $input) { ...AgentAdminFields } }\n": typeof types.UpdateAgentDocument,
    "\n  mutation DeleteAgent($id: ID!) { deleteAgent(id: $id) }\n": typeof types.DeleteAgentDocument,
    "\n  query Contacts($search: String, $first: Int) { contacts(search: $search, first: $first) { ...ContactFields } }\n": typeof types.ContactsDocument,
    "\n  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { ...ContactFields } }\n": typeof types.CreateContactDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { ...ContactFields } }\n": typeof types.UpdateContactDocument,
    "\n  mutation DeleteContact($id: ID!) { deleteContact(id: $id) }\n": typeof types.DeleteContactDocument,
    "\n  mutation HangupCall($callId: ID!) { hangupCall(callId: $callId) { ...LiveCallFields } }\n": typeof types.HangupCallDocument,
    "\n  mutation HoldCall($callId: ID!) { holdCall(callId: $callId) { ...LiveCallFields } }\n": typeof types.HoldCallDocument,
    "\n  mutation UnholdCall($callId: ID!) { unholdCall(callId: $callId) { ...LiveCallFields } }\n": typeof types.UnholdCallDocument,
    "\n  mutation MuteCall($callId: ID!) { muteCall(callId: $callId) { id } }\n": typeof types.MuteCallDocument,
    "\n  mutation UnmuteCall($callId: ID!) { unmuteCall(callId: $callId) { id } }\n": typeof types.UnmuteCallDocument,
    "\n  mutation TransferCall($callId: ID!, $destination: String!) { transferCall(callId: $callId, destination: $destination) { ...LiveCallFields } }\n": typeof types.TransferCallDocument,
    "\n  query CallDetail($id: ID!) {\n    call(id: $id) {\n      ...CallSummaryFields\n      isLive\n      durationSeconds\n      holdSeconds\n      holdCount\n      transferCount\n      hangupCause\n      hangupCauseText\n      hangupBy\n      reconciled\n      agent { ...AgentFields email }\n      events { id type occurredAt channelId details }\n      legs { id channelName endpoint callerNumber dialedExtension state createdAt answeredAt endedAt hangupCauseText dialStatus holdCount holdSeconds onHold }\n      recording { id status available contentType sizeBytes durationSeconds downloadUrl }\n    }\n  }\n": typeof types.CallDetailDocument,
    "\n  subscription CallDetailUpdated($id: ID!) {\n    callUpdated(callId: $id) { id status version }\n  }\n": typeof types.CallDetailUpdatedDocument,
    "\n  query Diagnostics {\n    diagnostics {\n      name\n      status\n      summary\n      evidence { label value }\n      fix\n      checkedAt\n    }\n  }\n": typeof types.DiagnosticsDocument,
    "\n  fragment ProbeFields on CallPathProbe {\n    id\n    context\n    number\n    startedAt\n    finished\n    completed\n    stoppedAt\n    callId\n    hops { name status at elapsedMilliseconds evidence fix }\n  }\n": typeof types.ProbeFieldsFragmentDoc,
    "\n  mutation RunCallPathProbe {\n    runCallPathProbe { ...ProbeFields }\n  }\n": typeof types.RunCallPathProbeDocument,
    "\n  query CallPathProbe($id: ID!) {\n    callPathProbe(id: $id) { ...ProbeFields }\n  }\n": typeof types.CallPathProbeDocument,
    "\n  mutation OriginateCall($to: String!, $fromExtension: String) {\n    originateCall(to: $to, fromExtension: $fromExtension) { channelId fromExtension to }\n  }\n": typeof types.OriginateCallDocument,
    "\n  fragment HistoryCallFields on Call {\n    ...CallSummaryFields\n    durationSeconds\n    hangupBy\n    hangupCauseText\n    recording { id available }\n  }\n": typeof types.HistoryCallFieldsFragmentDoc,
    "\n  query CallHistory($filter: CallFilter, $order: CallOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    calls(filter: $filter, order: $order, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes { ...HistoryCallFields }\n    }\n  }\n": typeof types.CallHistoryDocument,
    "\n  subscription HistoryCallUpdated($filter: CallFilter) {\n    callUpdated(filter: $filter) { ...HistoryCallFields }\n  }\n": typeof types.HistoryCallUpdatedDocument,
    "\n  query HistoryAgents {\n    agents { ...AgentFields }\n  }\n": typeof types.HistoryAgentsDocument,
    "\n  query Statistics($from: DateTimeOffset!, $until: DateTimeOffset!, $serviceLevelSeconds: Float, $timeZone: String) {\n    hourly: callStats(from: $from, until: $until, groupBy: HOUR, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    daily: callStats(from: $from, until: $until, groupBy: DAY, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    byAgent: callStats(from: $from, until: $until, groupBy: AGENT, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    byDirection: callStats(from: $from, until: $until, groupBy: DIRECTION, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n  }\n": typeof types.StatisticsDocument,
    "\n  mutation SimulateIncomingCall($from: String!, $to: String) {\n    simulateIncomingCall(from: $from, to: $to) { channelId from to }\n  }\n": typeof types.SimulateIncomingCallDocument,
};
const documents: Documents = {
    "\n  fragment AgentFields on Agent { id name extension }\n": types.AgentFieldsFragmentDoc,
    "\n  fragment ContactFields on Contact { id name company phoneNumber }\n": types.ContactFieldsFragmentDoc,
    "\n  fragment CallSummaryFields on Call {\n    id\n    direction\n    status\n    callerNumber\n    callerName\n    dialedNumber\n    agentExtension\n    startedAt\n    answeredAt\n    endedAt\n    ringSeconds\n    talkSeconds\n    version\n    agent { ...AgentFields }\n    contact { ...ContactFields }\n  }\n": types.CallSummaryFieldsFragmentDoc,
    "\n  fragment CallStatsFields on CallStats {\n    key\n    total\n    answered\n    missed\n    busy\n    failed\n    averageWaitSeconds\n    averageTalkSeconds\n    answeredWithinServiceLevel\n    serviceLevel\n  }\n": types.CallStatsFieldsFragmentDoc,
    "\n  fragment LiveCallFields on Call {\n    ...CallSummaryFields\n    isLive\n    holdCount\n    transferCount\n    legs { id onHold }\n  }\n": types.LiveCallFieldsFragmentDoc,
    "\n  query LiveCalls {\n    liveCalls { ...LiveCallFields }\n  }\n": types.LiveCallsDocument,
    "\n  subscription LiveCallsChanged {\n    liveCallsChanged {\n      callId\n      live\n      call { ...LiveCallFields }\n    }\n  }\n": types.LiveCallsChangedDocument,
    "\n  query TodayStats($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {\n    callStats(from: $from, until: $until, groupBy: DAY, timeZone: $timeZone) { ...CallStatsFields }\n  }\n": types.TodayStatsDocument,
    "\n  fragment AgentAdminFields on Agent { ...AgentFields email active }\n": types.AgentAdminFieldsFragmentDoc,
    "\n  query Agents { agents { ...AgentAdminFields } }\n": types.AgentsDocument,
    "\n  query AgentsToday($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {\n    callStats(from: $from, until: $until, groupBy: AGENT, timeZone: $timeZone) { ...CallStatsFields }\n  }\n": types.AgentsTodayDocument,
    "\n  mutation CreateAgent($input: AgentInput!) { createAgent(input: $input) { ...AgentAdminFields } }\n": types.CreateAgentDocument,
    "\n  mutation UpdateAgent($id: ID!, $input: AgentInput!) { updateAgent(id: $id, input: $input) { ...AgentAdminFields } }\n": types.UpdateAgentDocument,
    "\n  mutation DeleteAgent($id: ID!) { deleteAgent(id: $id) }\n": types.DeleteAgentDocument,
    "\n  query Contacts($search: String, $first: Int) { contacts(search: $search, first: $first) { ...ContactFields } }\n": types.ContactsDocument,
    "\n  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { ...ContactFields } }\n": types.CreateContactDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { ...ContactFields } }\n": types.UpdateContactDocument,
    "\n  mutation DeleteContact($id: ID!) { deleteContact(id: $id) }\n": types.DeleteContactDocument,
    "\n  mutation HangupCall($callId: ID!) { hangupCall(callId: $callId) { ...LiveCallFields } }\n": types.HangupCallDocument,
    "\n  mutation HoldCall($callId: ID!) { holdCall(callId: $callId) { ...LiveCallFields } }\n": types.HoldCallDocument,
    "\n  mutation UnholdCall($callId: ID!) { unholdCall(callId: $callId) { ...LiveCallFields } }\n": types.UnholdCallDocument,
    "\n  mutation MuteCall($callId: ID!) { muteCall(callId: $callId) { id } }\n": types.MuteCallDocument,
    "\n  mutation UnmuteCall($callId: ID!) { unmuteCall(callId: $callId) { id } }\n": types.UnmuteCallDocument,
    "\n  mutation TransferCall($callId: ID!, $destination: String!) { transferCall(callId: $callId, destination: $destination) { ...LiveCallFields } }\n": types.TransferCallDocument,
    "\n  query CallDetail($id: ID!) {\n    call(id: $id) {\n      ...CallSummaryFields\n      isLive\n      durationSeconds\n      holdSeconds\n      holdCount\n      transferCount\n      hangupCause\n      hangupCauseText\n      hangupBy\n      reconciled\n      agent { ...AgentFields email }\n      events { id type occurredAt channelId details }\n      legs { id channelName endpoint callerNumber dialedExtension state createdAt answeredAt endedAt hangupCauseText dialStatus holdCount holdSeconds onHold }\n      recording { id status available contentType sizeBytes durationSeconds downloadUrl }\n    }\n  }\n": types.CallDetailDocument,
    "\n  subscription CallDetailUpdated($id: ID!) {\n    callUpdated(callId: $id) { id status version }\n  }\n": types.CallDetailUpdatedDocument,
    "\n  query Diagnostics {\n    diagnostics {\n      name\n      status\n      summary\n      evidence { label value }\n      fix\n      checkedAt\n    }\n  }\n": types.DiagnosticsDocument,
    "\n  fragment ProbeFields on CallPathProbe {\n    id\n    context\n    number\n    startedAt\n    finished\n    completed\n    stoppedAt\n    callId\n    hops { name status at elapsedMilliseconds evidence fix }\n  }\n": types.ProbeFieldsFragmentDoc,
    "\n  mutation RunCallPathProbe {\n    runCallPathProbe { ...ProbeFields }\n  }\n": types.RunCallPathProbeDocument,
    "\n  query CallPathProbe($id: ID!) {\n    callPathProbe(id: $id) { ...ProbeFields }\n  }\n": types.CallPathProbeDocument,
    "\n  mutation OriginateCall($to: String!, $fromExtension: String) {\n    originateCall(to: $to, fromExtension: $fromExtension) { channelId fromExtension to }\n  }\n": types.OriginateCallDocument,
    "\n  fragment HistoryCallFields on Call {\n    ...CallSummaryFields\n    durationSeconds\n    hangupBy\n    hangupCauseText\n    recording { id available }\n  }\n": types.HistoryCallFieldsFragmentDoc,
    "\n  query CallHistory($filter: CallFilter, $order: CallOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    calls(filter: $filter, order: $order, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes { ...HistoryCallFields }\n    }\n  }\n": types.CallHistoryDocument,
    "\n  subscription HistoryCallUpdated($filter: CallFilter) {\n    callUpdated(filter: $filter) { ...HistoryCallFields }\n  }\n": types.HistoryCallUpdatedDocument,
    "\n  query HistoryAgents {\n    agents { ...AgentFields }\n  }\n": types.HistoryAgentsDocument,
    "\n  query Statistics($from: DateTimeOffset!, $until: DateTimeOffset!, $serviceLevelSeconds: Float, $timeZone: String) {\n    hourly: callStats(from: $from, until: $until, groupBy: HOUR, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    daily: callStats(from: $from, until: $until, groupBy: DAY, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    byAgent: callStats(from: $from, until: $until, groupBy: AGENT, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    byDirection: callStats(from: $from, until: $until, groupBy: DIRECTION, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n  }\n": types.StatisticsDocument,
    "\n  mutation SimulateIncomingCall($from: String!, $to: String) {\n    simulateIncomingCall(from: $from, to: $to) { channelId from to }\n  }\n": types.SimulateIncomingCallDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgentFields on Agent { id name extension }\n"): (typeof documents)["\n  fragment AgentFields on Agent { id name extension }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactFields on Contact { id name company phoneNumber }\n"): (typeof documents)["\n  fragment ContactFields on Contact { id name company phoneNumber }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CallSummaryFields on Call {\n    id\n    direction\n    status\n    callerNumber\n    callerName\n    dialedNumber\n    agentExtension\n    startedAt\n    answeredAt\n    endedAt\n    ringSeconds\n    talkSeconds\n    version\n    agent { ...AgentFields }\n    contact { ...ContactFields }\n  }\n"): (typeof documents)["\n  fragment CallSummaryFields on Call {\n    id\n    direction\n    status\n    callerNumber\n    callerName\n    dialedNumber\n    agentExtension\n    startedAt\n    answeredAt\n    endedAt\n    ringSeconds\n    talkSeconds\n    version\n    agent { ...AgentFields }\n    contact { ...ContactFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CallStatsFields on CallStats {\n    key\n    total\n    answered\n    missed\n    busy\n    failed\n    averageWaitSeconds\n    averageTalkSeconds\n    answeredWithinServiceLevel\n    serviceLevel\n  }\n"): (typeof documents)["\n  fragment CallStatsFields on CallStats {\n    key\n    total\n    answered\n    missed\n    busy\n    failed\n    averageWaitSeconds\n    averageTalkSeconds\n    answeredWithinServiceLevel\n    serviceLevel\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LiveCallFields on Call {\n    ...CallSummaryFields\n    isLive\n    holdCount\n    transferCount\n    legs { id onHold }\n  }\n"): (typeof documents)["\n  fragment LiveCallFields on Call {\n    ...CallSummaryFields\n    isLive\n    holdCount\n    transferCount\n    legs { id onHold }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveCalls {\n    liveCalls { ...LiveCallFields }\n  }\n"): (typeof documents)["\n  query LiveCalls {\n    liveCalls { ...LiveCallFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveCallsChanged {\n    liveCallsChanged {\n      callId\n      live\n      call { ...LiveCallFields }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveCallsChanged {\n    liveCallsChanged {\n      callId\n      live\n      call { ...LiveCallFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayStats($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {\n    callStats(from: $from, until: $until, groupBy: DAY, timeZone: $timeZone) { ...CallStatsFields }\n  }\n"): (typeof documents)["\n  query TodayStats($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {\n    callStats(from: $from, until: $until, groupBy: DAY, timeZone: $timeZone) { ...CallStatsFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgentAdminFields on Agent { ...AgentFields email active }\n"): (typeof documents)["\n  fragment AgentAdminFields on Agent { ...AgentFields email active }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agents { agents { ...AgentAdminFields } }\n"): (typeof documents)["\n  query Agents { agents { ...AgentAdminFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentsToday($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {\n    callStats(from: $from, until: $until, groupBy: AGENT, timeZone: $timeZone) { ...CallStatsFields }\n  }\n"): (typeof documents)["\n  query AgentsToday($from: DateTimeOffset!, $until: DateTimeOffset!, $timeZone: String) {\n    callStats(from: $from, until: $until, groupBy: AGENT, timeZone: $timeZone) { ...CallStatsFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAgent($input: AgentInput!) { createAgent(input: $input) { ...AgentAdminFields } }\n"): (typeof documents)["\n  mutation CreateAgent($input: AgentInput!) { createAgent(input: $input) { ...AgentAdminFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAgent($id: ID!, $input: AgentInput!) { updateAgent(id: $id, input: $input) { ...AgentAdminFields } }\n"): (typeof documents)["\n  mutation UpdateAgent($id: ID!, $input: AgentInput!) { updateAgent(id: $id, input: $input) { ...AgentAdminFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAgent($id: ID!) { deleteAgent(id: $id) }\n"): (typeof documents)["\n  mutation DeleteAgent($id: ID!) { deleteAgent(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contacts($search: String, $first: Int) { contacts(search: $search, first: $first) { ...ContactFields } }\n"): (typeof documents)["\n  query Contacts($search: String, $first: Int) { contacts(search: $search, first: $first) { ...ContactFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { ...ContactFields } }\n"): (typeof documents)["\n  mutation CreateContact($input: ContactInput!) { createContact(input: $input) { ...ContactFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { ...ContactFields } }\n"): (typeof documents)["\n  mutation UpdateContact($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { ...ContactFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContact($id: ID!) { deleteContact(id: $id) }\n"): (typeof documents)["\n  mutation DeleteContact($id: ID!) { deleteContact(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HangupCall($callId: ID!) { hangupCall(callId: $callId) { ...LiveCallFields } }\n"): (typeof documents)["\n  mutation HangupCall($callId: ID!) { hangupCall(callId: $callId) { ...LiveCallFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HoldCall($callId: ID!) { holdCall(callId: $callId) { ...LiveCallFields } }\n"): (typeof documents)["\n  mutation HoldCall($callId: ID!) { holdCall(callId: $callId) { ...LiveCallFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnholdCall($callId: ID!) { unholdCall(callId: $callId) { ...LiveCallFields } }\n"): (typeof documents)["\n  mutation UnholdCall($callId: ID!) { unholdCall(callId: $callId) { ...LiveCallFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MuteCall($callId: ID!) { muteCall(callId: $callId) { id } }\n"): (typeof documents)["\n  mutation MuteCall($callId: ID!) { muteCall(callId: $callId) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnmuteCall($callId: ID!) { unmuteCall(callId: $callId) { id } }\n"): (typeof documents)["\n  mutation UnmuteCall($callId: ID!) { unmuteCall(callId: $callId) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferCall($callId: ID!, $destination: String!) { transferCall(callId: $callId, destination: $destination) { ...LiveCallFields } }\n"): (typeof documents)["\n  mutation TransferCall($callId: ID!, $destination: String!) { transferCall(callId: $callId, destination: $destination) { ...LiveCallFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallDetail($id: ID!) {\n    call(id: $id) {\n      ...CallSummaryFields\n      isLive\n      durationSeconds\n      holdSeconds\n      holdCount\n      transferCount\n      hangupCause\n      hangupCauseText\n      hangupBy\n      reconciled\n      agent { ...AgentFields email }\n      events { id type occurredAt channelId details }\n      legs { id channelName endpoint callerNumber dialedExtension state createdAt answeredAt endedAt hangupCauseText dialStatus holdCount holdSeconds onHold }\n      recording { id status available contentType sizeBytes durationSeconds downloadUrl }\n    }\n  }\n"): (typeof documents)["\n  query CallDetail($id: ID!) {\n    call(id: $id) {\n      ...CallSummaryFields\n      isLive\n      durationSeconds\n      holdSeconds\n      holdCount\n      transferCount\n      hangupCause\n      hangupCauseText\n      hangupBy\n      reconciled\n      agent { ...AgentFields email }\n      events { id type occurredAt channelId details }\n      legs { id channelName endpoint callerNumber dialedExtension state createdAt answeredAt endedAt hangupCauseText dialStatus holdCount holdSeconds onHold }\n      recording { id status available contentType sizeBytes durationSeconds downloadUrl }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CallDetailUpdated($id: ID!) {\n    callUpdated(callId: $id) { id status version }\n  }\n"): (typeof documents)["\n  subscription CallDetailUpdated($id: ID!) {\n    callUpdated(callId: $id) { id status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Diagnostics {\n    diagnostics {\n      name\n      status\n      summary\n      evidence { label value }\n      fix\n      checkedAt\n    }\n  }\n"): (typeof documents)["\n  query Diagnostics {\n    diagnostics {\n      name\n      status\n      summary\n      evidence { label value }\n      fix\n      checkedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProbeFields on CallPathProbe {\n    id\n    context\n    number\n    startedAt\n    finished\n    completed\n    stoppedAt\n    callId\n    hops { name status at elapsedMilliseconds evidence fix }\n  }\n"): (typeof documents)["\n  fragment ProbeFields on CallPathProbe {\n    id\n    context\n    number\n    startedAt\n    finished\n    completed\n    stoppedAt\n    callId\n    hops { name status at elapsedMilliseconds evidence fix }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunCallPathProbe {\n    runCallPathProbe { ...ProbeFields }\n  }\n"): (typeof documents)["\n  mutation RunCallPathProbe {\n    runCallPathProbe { ...ProbeFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallPathProbe($id: ID!) {\n    callPathProbe(id: $id) { ...ProbeFields }\n  }\n"): (typeof documents)["\n  query CallPathProbe($id: ID!) {\n    callPathProbe(id: $id) { ...ProbeFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OriginateCall($to: String!, $fromExtension: String) {\n    originateCall(to: $to, fromExtension: $fromExtension) { channelId fromExtension to }\n  }\n"): (typeof documents)["\n  mutation OriginateCall($to: String!, $fromExtension: String) {\n    originateCall(to: $to, fromExtension: $fromExtension) { channelId fromExtension to }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HistoryCallFields on Call {\n    ...CallSummaryFields\n    durationSeconds\n    hangupBy\n    hangupCauseText\n    recording { id available }\n  }\n"): (typeof documents)["\n  fragment HistoryCallFields on Call {\n    ...CallSummaryFields\n    durationSeconds\n    hangupBy\n    hangupCauseText\n    recording { id available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallHistory($filter: CallFilter, $order: CallOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    calls(filter: $filter, order: $order, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes { ...HistoryCallFields }\n    }\n  }\n"): (typeof documents)["\n  query CallHistory($filter: CallFilter, $order: CallOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    calls(filter: $filter, order: $order, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      nodes { ...HistoryCallFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HistoryCallUpdated($filter: CallFilter) {\n    callUpdated(filter: $filter) { ...HistoryCallFields }\n  }\n"): (typeof documents)["\n  subscription HistoryCallUpdated($filter: CallFilter) {\n    callUpdated(filter: $filter) { ...HistoryCallFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryAgents {\n    agents { ...AgentFields }\n  }\n"): (typeof documents)["\n  query HistoryAgents {\n    agents { ...AgentFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Statistics($from: DateTimeOffset!, $until: DateTimeOffset!, $serviceLevelSeconds: Float, $timeZone: String) {\n    hourly: callStats(from: $from, until: $until, groupBy: HOUR, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    daily: callStats(from: $from, until: $until, groupBy: DAY, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    byAgent: callStats(from: $from, until: $until, groupBy: AGENT, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    byDirection: callStats(from: $from, until: $until, groupBy: DIRECTION, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n  }\n"): (typeof documents)["\n  query Statistics($from: DateTimeOffset!, $until: DateTimeOffset!, $serviceLevelSeconds: Float, $timeZone: String) {\n    hourly: callStats(from: $from, until: $until, groupBy: HOUR, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    daily: callStats(from: $from, until: $until, groupBy: DAY, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    byAgent: callStats(from: $from, until: $until, groupBy: AGENT, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n    byDirection: callStats(from: $from, until: $until, groupBy: DIRECTION, serviceLevelSeconds: $serviceLevelSeconds, timeZone: $timeZone) { ...CallStatsFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SimulateIncomingCall($from: String!, $to: String) {\n    simulateIncomingCall(from: $from, to: $to) { channelId from to }\n  }\n"): (typeof documents)["\n  mutation SimulateIncomingCall($from: String!, $to: String) {\n    simulateIncomingCall(from: $from, to: $to) { channelId from to }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;