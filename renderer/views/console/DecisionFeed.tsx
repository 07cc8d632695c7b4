// What the players did, newest last: answers, actions and chat messages, from the projection.
import type { FacilitatorView } from '../../../core/engine/projections.ts';
import { VirtualList } from '../../components/VirtualList.tsx';
import { formatClock } from '../../components/format.ts';
import { Empty } from '../../components/states.tsx';

interface FeedItem {
  key: string;
  at: number;
  text: string;
}

function answerText(answer: string | string[], options: { id: string; label: string }[]): string {
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  return Array.isArray(answer) ? answer.map(label).join(', ') : options.length ? label(answer) : answer;
}

/** Each line names roles and actions by their titles, never by their ids (issue 14, item 18). */
export function feedItems(view: FacilitatorView, roleTitle: (id: string) => string): FeedItem[] {
  const items: FeedItem[] = [];
  for (const inject of view.injects) {
    for (const p of inject.prompts) {
      if (p.answer !== null && p.answeredAt !== null) {
        items.push({ key: `a-${p.id}`, at: p.answeredAt, text: `${roleTitle(p.role)} answered “${p.ask}”: ${answerText(p.answer, p.options)}` });
      }
    }
  }
  for (const a of view.actionsTaken) items.push({ key: `t-${a.seq}`, at: a.at, text: `${a.roleTitle} took action “${a.title}”` });
  for (const c of view.chat) items.push({ key: `c-${c.seq}`, at: c.at, text: `${c.from}: ${c.text}` });
  return items.sort((a, b) => a.at - b.at);
}

export function DecisionFeed({ view, roleTitle }: { view: FacilitatorView; roleTitle: (id: string) => string }) {
  const items = feedItems(view, roleTitle);
  if (items.length === 0) return <Empty>No decisions yet.</Empty>;
  return (
    <VirtualList items={items} rowHeight={30} label="Decision feed" getKey={(i) => i.key} stickToBottom
      renderRow={(item) => <div className="feed-item user-text" title={item.text}><span className="dim">{formatClock(item.at)}</span> {item.text}</div>} />
  );
}
