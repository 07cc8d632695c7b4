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

export function feedItems(view: FacilitatorView): FeedItem[] {
  const items: FeedItem[] = [];
  for (const inject of view.injects) {
    for (const p of inject.prompts) {
      if (p.answer !== null && p.answeredAt !== null) {
        items.push({ key: `a-${p.id}`, at: p.answeredAt, text: `${p.role} answered “${p.ask}”: ${answerText(p.answer, p.options)}` });
      }
    }
  }
  for (const a of view.actionsTaken) items.push({ key: `t-${a.seq}`, at: a.at, text: `${a.role} took action ${a.action}` });
  for (const c of view.chat) items.push({ key: `c-${c.seq}`, at: c.at, text: `${c.role ?? 'facilitator'}: ${c.text}` });
  return items.sort((a, b) => a.at - b.at);
}

export function DecisionFeed({ view }: { view: FacilitatorView }) {
  const items = feedItems(view);
  if (items.length === 0) return <Empty>No decisions yet.</Empty>;
  return (
    <VirtualList items={items} rowHeight={30} label="Decision feed" getKey={(i) => i.key} stickToBottom
      renderRow={(item) => <div className="feed-item user-text" title={item.text}><span className="dim">{formatClock(item.at)}</span> {item.text}</div>} />
  );
}
