import { useHub } from './hub-store.js';

/** What this console did not take from the hub, and what waits, with the reason: kept for IT. */
export function RefusalsList({ count }: { count: number }) {
  const refusals = useHub((state) => state.refusals);
  return (
    <details
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) void useHub.getState().loadRefusals();
      }}
    >
      <summary>{count} row(s) from the hub refused or waiting (kept for IT)</summary>
      <ul>
        {refusals.map((refusal) => (
          <li key={`${refusal.at}-${refusal.subject}`}>
            {new Date(refusal.at).toLocaleString()} — {refusal.waiting ? 'waiting' : 'refused'}: {refusal.subject}
            {refusal.console ? ` from ${refusal.console}` : ''}: {refusal.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
