import type { ArgumentGraph } from '../model/types';
import { analyseSupport, type SupportAnalysis } from './support';

/**
 * The analyses of one graph, each computed at most once and shared by every rule and command that
 * asks for it.
 */
export class Analyses {
  #support: SupportAnalysis | undefined;

  constructor(readonly graph: ArgumentGraph) {}

  get support(): SupportAnalysis {
    this.#support ??= analyseSupport(this.graph);
    return this.#support;
  }
}
