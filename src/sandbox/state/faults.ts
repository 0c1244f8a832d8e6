// Fault switches: each armed fault applies to the next `count` matching business requests.
import { asRecord, optionalOneOf, optionalPositiveInteger, optionalString, SandboxInputError } from './input.js';
import type { SandboxFault } from '../types.js';

/** Upper bounds keep a typo from hanging a test run or arming a fault forever. */
const MAX_DELAY_MS = 60_000;
const MAX_COUNT = 1000;

export interface ArmedFault {
  readonly fault: SandboxFault;
  readonly remaining: number;
}

const TYPES = ['delay', 'http-error', 'platform-9200', 'drop', 'refund-processing'] as const;
const MAX_POLLS = 100;

/** The faults a gateway applies to a request (the rest change what the platform does). */
export type GatewayFault = Exclude<SandboxFault, { type: 'refund-processing' }>;

/** Checks a fault from options or a control route; returns it with its defaults filled in. */
export function parseFault(value: unknown): SandboxFault {
  const record = asRecord(value, 'fault');
  const type = optionalOneOf(record, 'type', 'fault', TYPES);
  if (!type) throw new SandboxInputError('INVALID_INPUT', `fault.type is required: one of ${TYPES.join(', ')}.`);
  const count = optionalPositiveInteger(record, 'count', 'fault', MAX_COUNT) ?? 1;
  const operationId = optionalString(record, 'operationId', 'fault');
  const scope = operationId === undefined ? { count } : { count, operationId };
  switch (type) {
    case 'delay': {
      const ms = optionalPositiveInteger(record, 'ms', 'fault', MAX_DELAY_MS);
      if (ms === undefined) throw new SandboxInputError('INVALID_INPUT', `fault.ms is required for a delay (1..${MAX_DELAY_MS}).`);
      return { type, ms, ...scope };
    }
    case 'http-error': {
      const status = optionalPositiveInteger(record, 'status', 'fault', 599) ?? 502;
      if (status < 500) throw new SandboxInputError('INVALID_INPUT', 'fault.status must be a 5xx status.');
      return { type, status, ...scope };
    }
    case 'refund-processing': {
      if (operationId !== undefined) throw new SandboxInputError('INVALID_INPUT', 'fault.operationId does not apply to refund-processing (it holds refunds of every kind).');
      const polls = optionalPositiveInteger(record, 'polls', 'fault', MAX_POLLS) ?? 1;
      return { type, count, polls };
    }
    default:
      return { type, ...scope };
  }
}

export class FaultSwitches {
  #armed: { fault: SandboxFault; remaining: number }[] = [];

  arm(value: unknown): ArmedFault {
    const fault = parseFault(value);
    const armed = { fault, remaining: fault.count ?? 1 };
    this.#armed.push(armed);
    return { ...armed };
  }

  /** The gateway fault for this request, if one is armed for it; consumes one of its count. */
  take(operationId: string): GatewayFault | undefined {
    const armed = this.#armed.find(
      (entry) => entry.fault.type !== 'refund-processing' && (entry.fault.operationId === undefined || entry.fault.operationId === operationId),
    );
    if (!armed) return undefined;
    this.#consume(armed);
    return armed.fault as GatewayFault;
  }

  /** How many queries a new refund would stay PROCESSING, when a refund-processing fault is armed. */
  peekRefundPolls(): number | undefined {
    const armed = this.#armed.find((entry) => entry.fault.type === 'refund-processing');
    return armed?.fault.type === 'refund-processing' ? (armed.fault.polls ?? 1) : undefined;
  }

  /** Uses up one refund of the armed refund-processing fault (after the refund was made). */
  consumeRefundPolls(): void {
    const armed = this.#armed.find((entry) => entry.fault.type === 'refund-processing');
    if (armed) this.#consume(armed);
  }

  #consume(armed: { fault: SandboxFault; remaining: number }): void {
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.#armed = this.#armed.filter((entry) => entry !== armed);
  }

  list(): ArmedFault[] {
    return this.#armed.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#armed = [];
  }
}
