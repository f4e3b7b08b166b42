import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useAuth, useSession } from '../auth/AuthContext';
import { isAdmin, isSupervisor } from '../auth/token';
import { ConnectionIndicator } from './ConnectionIndicator';
import { ThemeToggle } from './ThemeToggle';
import { Loading } from '../components/States';

export function Layout() {
  const session = useSession();
  const { signOut } = useAuth();
  const role = isAdmin(session) ? 'Admin' : isSupervisor(session) ? 'Supervisor' : 'Agent';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">CallCenter</span>
        <nav aria-label="Main">
          <NavLink to="/live">Live calls</NavLink>
          <NavLink to="/history">History</NavLink>
          {isSupervisor(session) && <NavLink to="/statistics">Statistics</NavLink>}
          {isSupervisor(session) && <NavLink to="/agents">Agents</NavLink>}
          <NavLink to="/contacts">Contacts</NavLink>
          {isSupervisor(session) && <NavLink to="/wallboard">Wallboard</NavLink>}
          {isSupervisor(session) && <NavLink to="/diagnostics">Diagnostics</NavLink>}
          {/* The GraphQL IDE is served by the API itself (GET /graphql with Accept: text/html). */}
          {isSupervisor(session) && <a href="/graphql" target="_blank" rel="noreferrer">GraphQL IDE</a>}
        </nav>
        <div className="topbar-end">
          <ConnectionIndicator />
          <ThemeToggle />
          <span className="who" data-testid="who">{session.name} · {role}</span>
          <button type="button" onClick={() => signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="the screen" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
