// The MSEL as a timeline: scheduled injects at their time, triggered ones (after/when) listed
// beside it since their time depends on the players.
import type { Scenario } from '../../../core/scenario/types.ts';
import { formatSeconds } from '../../components/format.ts';

export function MselTimeline({ scenario }: { scenario: Scenario }) {
  const scheduled = scenario.injects.filter((i) => i.trigger.kind === 'at');
  const triggered = scenario.injects.filter((i) => i.trigger.kind !== 'at');
  const span = Math.max(scenario.duration, ...scheduled.map((i) => (i.trigger.kind === 'at' ? i.trigger.at : 0)), 1);
  return (
    <div>
      <div className="msel" role="img" aria-label={`Timeline of ${scheduled.length} scheduled injects over ${formatSeconds(scenario.duration)}`}>
        {scheduled.map((inject) => {
          const at = inject.trigger.kind === 'at' ? inject.trigger.at : 0;
          return (
            <div key={inject.id} className="tick" style={{ left: `${(at / span) * 100}%` }} title={`${formatSeconds(at)} ${inject.title}`}>
              <span>{formatSeconds(at)}</span>
            </div>
          );
        })}
      </div>
      <table className="grid">
        <thead><tr><th>When</th><th>Inject</th><th>To</th><th>Channel</th></tr></thead>
        <tbody>
          {scheduled.map((inject) => (
            <tr key={inject.id}>
              <td>{formatSeconds(inject.trigger.kind === 'at' ? inject.trigger.at : 0)}</td>
              <td>{inject.title}</td>
              <td>{inject.toAll ? 'everyone' : inject.to.join(', ')}</td>
              <td>{inject.channel}</td>
            </tr>
          ))}
          {triggered.map((inject) => (
            <tr key={inject.id}>
              <td><span className="badge warn">{inject.trigger.kind === 'after' ? `after ${inject.trigger.inject}` : 'on a condition'}</span></td>
              <td>{inject.title}</td>
              <td>{inject.toAll ? 'everyone' : inject.to.join(', ')}</td>
              <td>{inject.channel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
