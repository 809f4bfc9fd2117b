import { childInput, tellParent } from './child-process.js';
import {
  adversarialQuestions,
  createLoadBot,
  everydayQuestions,
  seededRandom,
  withTypo,
} from './load-bot.js';

/**
 * Run with `node --expose-gc`: heapUsed after a forced GC once 1,000 questions have been asked,
 * and again after `total`. Traffic is realistic: everyday questions (a fresh typo in one of three),
 * an adversarial one now and then, from 200 users in 50 channels.
 */
export interface MemoryInput {
  readonly total: number;
  readonly baselineAfter: number;
}

export interface MemoryFigures {
  readonly questions: number;
  readonly baselineAfter: number;
  readonly heapAfterBaselineMB: number;
  readonly heapAfterAllMB: number;
  readonly growthPercent: number;
  readonly seconds: number;
  readonly pass: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('memory-check needs node --expose-gc');

function heapMB(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

const input = childInput<MemoryInput>();
const random = seededRandom(42);
const { bot, kb } = await createLoadBot();
const everyday = everydayQuestions(kb);
const adversarial = adversarialQuestions().map((q) => q.text);
const started = Date.now();
let baseline = 0;
for (let i = 1; i <= input.total; i++) {
  let text = everyday[Math.floor(random() * everyday.length)] ?? '';
  if (i % 3 === 0) text = withTypo(text, random);
  if (i % 997 === 0) text = adversarial[Math.floor(random() * adversarial.length)] ?? text;
  await bot.handle({
    text,
    platform: 'slack',
    user: `U${Math.floor(random() * 200)}`,
    conversation: `C${Math.floor(random() * 50)}`,
  });
  if (i === input.baselineAfter) baseline = heapMB();
  if (i % 10_000 === 0) process.stderr.write(`memory: ${i} questions, ${heapMB().toFixed(1)} MB\n`);
}
const after = heapMB();
const growth = (after / baseline - 1) * 100;
const figures: MemoryFigures = {
  questions: input.total,
  baselineAfter: input.baselineAfter,
  heapAfterBaselineMB: Math.round(baseline * 10) / 10,
  heapAfterAllMB: Math.round(after * 10) / 10,
  growthPercent: Math.round(growth * 10) / 10,
  seconds: (Date.now() - started) / 1000,
  pass: growth <= 10,
};
tellParent(figures);
