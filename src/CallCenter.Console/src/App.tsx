import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { ApiProvider } from './graphql/ApiProvider';
import { Layout } from './shell/Layout';
import { SignIn } from './screens/signin/SignIn';
import { LiveBoard } from './screens/live/LiveBoard';
import { Loading } from './components/States';
import { Agents, CallDetail, Contacts, Diagnostics, History, Statistics, Wallboard } from './screens';

function Routed() {
  const { session } = useAuth();
  if (session === null) return <SignIn />;
  return (
    <ApiProvider>
      <Routes>
        {/* Full screen, without the console's top bar. */}
        <Route path="wallboard" element={<Suspense fallback={<Loading what="the wallboard" />}><Wallboard /></Suspense>} />
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/live" replace />} />
          <Route path="live" element={<LiveBoard />} />
          <Route path="history" element={<History />} />
          <Route path="calls/:id" element={<CallDetail />} />
          <Route path="statistics" element={<Statistics />} />
          <Route path="agents" element={<Agents />} />
          <Route path="contacts" element={<Contacts />} />
          <Route path="diagnostics" element={<Diagnostics />} />
          <Route path="*" element={<p role="alert">No such page.</p>} />
        </Route>
      </Routes>
    </ApiProvider>
  );
}

export function App() {
  return (
    <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
      <AuthProvider>
        <Routed />
      </AuthProvider>
    </BrowserRouter>
  );
}
