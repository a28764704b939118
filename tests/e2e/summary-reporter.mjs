// Prints one plain closing line, "e2e: N passed, N failed", which CI reads (it does not
// read Playwright's own summary), and fails the run when no test ran at all.
export default class SummaryReporter {
  constructor() {
    this.passed = 0;
    this.failed = 0;
    this.skipped = 0;
  }
  onTestEnd(test, result) {
    // Count each test once, by its final outcome.
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.passed += 1;
    else if (result.status === 'skipped') this.skipped += 1;
    else this.failed += 1;
  }
  onEnd() {
    const skipped = this.skipped ? `, ${this.skipped} skipped` : '';
    console.log(`\ne2e: ${this.passed} passed, ${this.failed} failed${skipped}`);
    if (this.passed + this.failed === 0) {
      console.log('e2e: no test ran');
      return { status: 'failed' };
    }
  }
}
