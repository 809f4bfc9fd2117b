import type { LoadFigures } from './run-load-bench.js';
import type { LatencyFigures } from './stats.js';

const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const ms = (figures: LatencyFigures) =>
  `p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms (n=${figures.count})`;

function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

/** The human-readable report: one block per section that ran. */
export function formatLoadReport(figures: LoadFigures, coreTargetMs: number): string {
  const blocks: string[] = [];
  const { core, slack, discord, memory } = figures;
  if (core) {
    blocks.push(
      `Core latency (bot.handle, shipped knowledge) ${verdict(core.pass)}: target ${coreTargetMs} ms per question\n${table(
        [
          ['everyday', ms(core.everyday)],
          ['adversarial', ms(core.adversarial)],
          ['all', ms(core.all)],
          ['worst question', core.worstQuestion],
          [`over ${coreTargetMs} ms`, String(core.overTarget)],
        ],
      )}`,
    );
  }
  if (slack) {
    blocks.push(
      `Slack: ${slack.commands} concurrent signed /ask (HTTP receiver), ${slack.rounds} rounds alternating with bare Bolt ${verdict(slack.pass)}\n${table(
        [
          ['ack latency', ms(slack.ack)],
          ['acks over 3 s', String(slack.acksOver3s)],
          ['failed acks', String(slack.failedAcks)],
          ['reply latency', ms(slack.reply)],
          ['lost / duplicated', `${slack.lost} / ${slack.duplicated}`],
          ['bare Bolt ack', ms(slack.bareBoltAck)],
          ['ack ratio ours/bare', `p50 ${slack.ackRatio.p50}x, p99 ${slack.ackRatio.p99}x`],
        ],
      )}`,
    );
  }
  if (discord) {
    blocks.push(
      `Discord: ${discord.messages} mentions through the gateway ${verdict(discord.pass)}\n${table([
        ['reply latency', ms(discord.reply)],
        ['lost / duplicated', `${discord.lost} / ${discord.duplicated}`],
        ['all answered in', `${discord.seconds} s`],
      ])}`,
    );
  }
  if (memory) {
    blocks.push(
      `Memory: heapUsed after forced GC ${verdict(memory.pass)} (within 10%)\n${table([
        [`after ${memory.baselineAfter} questions`, `${memory.heapAfterBaselineMB} MB`],
        [`after ${memory.questions} questions`, `${memory.heapAfterAllMB} MB`],
        ['growth', `${memory.growthPercent}%`],
        ['took', `${memory.seconds} s`],
      ])}`,
    );
  }
  return blocks.join('\n\n');
}
