import { useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/AuthContext';

export function SignIn() {
  const { reason, signIn } = useAuth();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(signIn(token));
  }

  const message = error ?? reason;
  return (
    <main className="signin" id="main">
      <h1>CallCenter console</h1>
      <form onSubmit={submit} aria-describedby="signin-help">
        <label htmlFor="token">Access token (JWT)</label>
        <textarea id="token" rows={5} value={token} onChange={(e) => setToken(e.target.value)} required spellCheck={false} />
        <p id="signin-help" className="muted">
          Paste a token issued for the API. In development the AppHost prints a console link that signs in with its
          development token.
        </p>
        {message && <p role="alert" className="error">{message}</p>}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
