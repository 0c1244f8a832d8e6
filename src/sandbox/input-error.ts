/**
 * A control-route or seed input the sandbox cannot use, or a scenario step the order's state does
 * not allow. `status` is the HTTP status the control routes answer with.
 */
export class SandboxInputError extends Error {
  override name = 'SandboxInputError';
  constructor(
    readonly code: 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return this.code === 'NOT_FOUND' ? 404 : this.code === 'CONFLICT' ? 409 : 400;
  }
}
