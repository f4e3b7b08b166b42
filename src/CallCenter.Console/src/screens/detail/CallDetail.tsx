import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { DirectionLabel, StatusBadge } from '../../components/StatusBadge';
import { ErrorMessage, Loading } from '../../components/States';
import { formatDateTime, hangupSideLabels } from '../../format/format';
import { describeError } from '../../graphql/errors';
import { SaveContactLink } from '../contacts/SaveContactLink';
import { ClickToCallButton } from '../dial/ClickToCallButton';
import { callBackNumber } from '../dial/dialing';
import { RecordingPlayer } from '../player/RecordingPlayer';
import { CallLegs } from './CallLegs';
import { CallTimeline } from './CallTimeline';
import { CallDetailQuery, CallDetailUpdatedSubscription } from './operations';
import { TimeSplit } from './TimeSplit';

export function CallDetail() {
  const { id = '' } = useParams();
  const [result, refetch] = useQuery({ query: CallDetailQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [update] = useSubscription({ query: CallDetailUpdatedSubscription, variables: { id } });
  const version = update.data?.callUpdated.version;
  // A committed change of this call (a live one moving on): read the whole record again.
  useEffect(() => {
    if (version !== undefined) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);

  if (result.error && !result.data) return <ErrorMessage>{describeError(result.error)}</ErrorMessage>;
  if (!result.data) return <Loading what="the call" />;
  const call = result.data.call;
  if (!call) return <ErrorMessage>No such call, or it is not one of yours. <Link to="/history">Back to the history</Link></ErrorMessage>;
  const recording = call.recording;
  const callBack = callBackNumber(call);
  return (
    <article className="detail" data-testid="call-detail" data-status={call.status}>
      <p><Link to="/history">← History</Link></p>
      <h1>{call.callerName ?? call.callerNumber ?? 'Unknown caller'} → {call.dialedNumber ?? '–'}</h1>
      <dl className="facts">
        <dt>Status</dt><dd><StatusBadge status={call.status} />{call.reconciled && <span className="muted"> (closed after an outage)</span>}</dd>
        <dt>Direction</dt><dd><DirectionLabel direction={call.direction} /></dd>
        <dt>Started</dt><dd>{formatDateTime(call.startedAt)}</dd>
        <dt>Answered</dt><dd>{formatDateTime(call.answeredAt)}</dd>
        <dt>Ended</dt><dd>{formatDateTime(call.endedAt)}</dd>
        <dt>Agent</dt><dd>{call.agent ? `${call.agent.name} (${call.agent.extension})` : call.agentExtension ?? '–'}</dd>
        <dt>Contact</dt>
        <dd>
          {call.contact ? `${call.contact.name ?? '–'}${call.contact.company ? `, ${call.contact.company}` : ''} · ${call.contact.phoneNumber}` : <>Not identified <SaveContactLink call={call} /></>}
          {call.contact && <ClickToCallButton number={call.contact.phoneNumber} label="Call the contact" />}
        </dd>
        {callBack && <><dt>Not answered</dt><dd><ClickToCallButton number={callBack} label="Call back" /></dd></>}
        <dt>Hang-up</dt>
        <dd data-testid="hangup">{call.hangupBy ? `by ${hangupSideLabels[call.hangupBy]}` : '–'}{call.hangupCauseText && ` · ${call.hangupCauseText}`}{call.hangupCause !== null && call.hangupCause !== undefined && ` (Q.850 ${call.hangupCause})`}</dd>
        <dt>Transfers / holds</dt><dd>{call.transferCount} / {call.holdCount}</dd>
      </dl>
      <h2>Time</h2>
      <TimeSplit ringSeconds={call.ringSeconds} talkSeconds={call.talkSeconds} holdSeconds={call.holdSeconds} />
      <h2>Recording</h2>
      {recording?.available && recording.downloadUrl
        ? <RecordingPlayer url={recording.downloadUrl} sizeBytes={recording.sizeBytes} durationSeconds={recording.durationSeconds}
            onExpired={() => refetch({ requestPolicy: 'network-only' })} />
        : <p className="muted">{recording ? `Recording ${recording.status.toLowerCase()}, not available yet.` : 'No recording.'}</p>}
      <h2>Legs</h2>
      <CallLegs legs={call.legs} />
      <h2>Timeline</h2>
      <CallTimeline events={call.events} />
    </article>
  );
}
