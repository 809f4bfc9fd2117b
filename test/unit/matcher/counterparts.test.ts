import { describe, expect, it } from 'vitest';
import { counterpartsOf, namesCounterpart } from '../../../src/matcher/counterparts.js';

const CORES = [
  ['overtim', 'rate', 'offic'],
  ['overtim', 'rate', 'warehous'],
  ['work', 'remot'],
  ['us', 'troop', 'kuwait'],
  ['us', 'troop', 'qatar'],
];
const BACKGROUND = new Set(['us', 'troop']);

describe('counterparts', () => {
  it('GIVEN siblings differing in one slot THEN their slot words stand for each other', () => {
    const counterparts = counterpartsOf(CORES, BACKGROUND);
    expect([...(counterparts.get('offic') ?? [])]).toEqual(['warehous']);
    expect([...(counterparts.get('warehous') ?? [])]).toEqual(['offic']);
  });

  it('GIVEN entries sharing only background words THEN they are no siblings', () => {
    expect(counterpartsOf(CORES, BACKGROUND).has('kuwait')).toBe(false);
  });

  it('GIVEN a counterpart named where the entry speaks of the other THEN it asks another question', () => {
    const counterparts = counterpartsOf(CORES, BACKGROUND);
    const remote = new Set(['work', 'remot', 'offic', 'employe']);
    const uses = (token: string) => ['work', 'remot'].includes(token);
    expect(
      namesCounterpart(new Set(['warehous', 'work', 'remot']), counterparts, uses, remote),
    ).toBe(true);
    // Naming the entry's own word too, or neither, asks nothing else.
    const both = new Set(['warehous', 'offic', 'work', 'remot']);
    expect(namesCounterpart(both, counterparts, uses, remote)).toBe(false);
    expect(namesCounterpart(new Set(['work', 'remot']), counterparts, uses, remote)).toBe(false);
  });
});
