import type { HistoryCallFieldsFragment } from '../../gql/graphql';

export type HistoryCall = HistoryCallFieldsFragment;

/**
 * The page's rows with live updates folded in: a row on the page is replaced by its newer version; a new call is
 * put on top only where it belongs there (first page, newest first), else it is only counted.
 */
export function mergeLiveRows(page: readonly HistoryCall[], updates: ReadonlyMap<string, HistoryCall>, prependNew: boolean): { rows: HistoryCall[]; unseen: number } {
  const onPage = new Set(page.map((c) => c.id));
  const fresh = [...updates.values()].filter((c) => !onPage.has(c.id));
  const rows = page.map((c) => {
    const update = updates.get(c.id);
    return update && update.version > c.version ? update : c;
  });
  if (!prependNew) return { rows, unseen: fresh.length };
  fresh.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  return { rows: [...fresh, ...rows], unseen: 0 };
}
