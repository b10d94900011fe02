import type { ArgumentGraph } from '../model/types';
import { evaluate, type Evaluation } from './evaluate';
import { analyseSupport, type SupportAnalysis } from './support';

/**
 * The analyses of one graph, each computed at most once and shared by every rule and command that
 * asks for it.
 */
export class Analyses {
  #support: SupportAnalysis | undefined;
  #evaluation: Evaluation | undefined;

  constructor(readonly graph: ArgumentGraph) {}

  get support(): SupportAnalysis {
    this.#support ??= analyseSupport(this.graph);
    return this.#support;
  }

  /** The grounded labelling of every claim, in / out / undecided, with its reason (`argmap evaluate`). */
  get evaluation(): Evaluation {
    this.#evaluation ??= evaluate(this.graph);
    return this.#evaluation;
  }
}
