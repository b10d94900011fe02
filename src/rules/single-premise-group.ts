import { defineRule } from './rule';

const ITEM = { reasons: 'reason', risks: 'risk', counterpoints: 'counterpoint', rebuttals: 'rebuttal' } as const;

/** A `together` with one premise: a linked argument needs two or more; one is a plain reason. */
export default defineRule({
  id: 'single-premise-group',
  severity: 'warn',
  description: 'A linked group (`together`) with a single premise: it is a plain reason (risk, counterpoint, rebuttal).',
  codes: ['linked-single-premise'],
  analysis: false,
  check({ graph, report }) {
    for (const group of graph.groups) {
      if (group.file !== graph.file) continue; // a used file's groups are its own to report
      if (group.written === 1) report('linked-single-premise', group.span, { item: ITEM[group.list] });
    }
  },
});
