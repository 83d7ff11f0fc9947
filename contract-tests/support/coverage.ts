// What the generated contract suite proved, counted against what the operation tables list: an
// operation is covered when its example request passed Prism's validation, a status when it was
// requested with `Prefer` and its answer checked. `line()` is the one line the suite prints.

export class ContractCoverage {
  private readonly operations = new Set<string>();
  private readonly statuses = new Set<string>();
  private readonly broken = new Set<string>();
  private readonly unbreakable: string[] = [];
  private operationTotal = 0;
  private statusTotal = 0;

  /** Counts an operation of the tables, with its documented statuses, towards the totals. */
  plan(statuses: readonly number[]): void {
    this.operationTotal++;
    this.statusTotal += statuses.length;
  }

  operationPassed(key: string): void {
    this.operations.add(key);
  }

  statusPassed(key: string, status: number): void {
    this.statuses.add(`${key} ${status}`);
  }

  /** The operation's deliberately bad request was rejected by Prism. */
  rejected(key: string): void {
    this.broken.add(key);
  }

  /** The spec gives the operation nothing to break (no body, no required or typed parameter). */
  nothingToBreak(key: string): void {
    this.unbreakable.push(key);
  }

  get complete(): boolean {
    return this.operations.size === this.operationTotal && this.statuses.size === this.statusTotal;
  }

  line(): string {
    return `contract-coverage: operations=${this.operations.size}/${this.operationTotal} statuses=${this.statuses.size}/${this.statusTotal}`;
  }

  /** How many operations proved they can fail, and which had nothing to break. */
  mutationLine(): string {
    const none = this.unbreakable.length ? ` nothing-to-break: ${this.unbreakable.join(', ')}` : '';
    return `contract-mutations: rejected=${this.broken.size}/${this.operationTotal}${none}`;
  }
}
