import { lazy } from 'react';

// The live board is the landing screen and stays in the first chunk; the others (and what only they use: chart.js,
// wavesurfer) load when first opened, so a supervisor's first visit downloads the board alone.
export const History = lazy(() => import('./screens/history/History').then((m) => ({ default: m.History })));
export const CallDetail = lazy(() => import('./screens/detail/CallDetail').then((m) => ({ default: m.CallDetail })));
export const Statistics = lazy(() => import('./screens/statistics/Statistics').then((m) => ({ default: m.Statistics })));
export const Agents = lazy(() => import('./screens/agents/Agents').then((m) => ({ default: m.Agents })));
export const Contacts = lazy(() => import('./screens/contacts/Contacts').then((m) => ({ default: m.Contacts })));
export const Wallboard = lazy(() => import('./screens/wallboard/Wallboard').then((m) => ({ default: m.Wallboard })));
export const Diagnostics = lazy(() => import('./screens/diagnostics/Diagnostics').then((m) => ({ default: m.Diagnostics })));
