import { useEffect, useState } from 'react';

/** The theme the shell put on <html data-theme>, so canvas drawings can follow a switch. */
export function useDocumentTheme(): string {
  const root = document.documentElement;
  const [theme, setTheme] = useState(root.dataset['theme'] ?? 'light');
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(root.dataset['theme'] ?? 'light'));
    observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, [root]);
  return theme;
}
