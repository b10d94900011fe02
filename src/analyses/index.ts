import type { ArgumentGraph } from '../model/types';
import { collectCounterpoints, type CounterpointInfo } from './counterpoints';
import { evaluate, type Evaluation } from './evaluate';
import { analyseSupport, type SupportAnalysis } from './support';

/**
 * The analyses of one graph, each computed at most once and shared by every rule and command that
 * asks for it.
 */
export class Analyses {
  #support: SupportAnalysis | undefined;
  #evaluation: Evaluation | undefined;
  #counterpoints: CounterpointInfo[] | undefined;

  constructor(readonly graph: ArgumentGraph) {}

  get support(): SupportAnalysis {
    this.#support ??= analyseSupport(this.graph);
    return this.#support;
  }

  /** Every counterpoint, what it attacks and what answers it, in document order. */
  get counterpoints(): CounterpointInfo[] {
    this.#counterpoints ??= collectCounterpoints(this.graph);
    return this.#counterpoints;
  }

  /** The grounded labelling of every claim, in / out / undecided, with its reason (`argmap evaluate`). */
  get evaluation(): Evaluation {
    this.#evaluation ??= evaluate(this.graph);
    return this.#evaluation;
  }
}
