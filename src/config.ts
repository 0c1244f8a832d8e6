import { ConfigurationError } from './errors.js';

export const ENVIRONMENTS = {
  production: 'https://api-mop.chinaums.com',
  test: 'https://test-api-open.chinaums.com',
} as const;

export type ChinaUmsEnvironment = keyof typeof ENVIRONMENTS;

/** Checks a credential without ever putting its value in the message. */
export function requireCredential(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ConfigurationError(`${name} is required: pass the ${name} ChinaUMS assigned to your application.`, 'MISSING_CREDENTIAL');
  }
  if (value.trim() !== value) {
    throw new ConfigurationError(
      `${name} has leading or trailing whitespace (often a newline from an env file); the platform would reject every signature. Trim it.`,
      'CREDENTIAL_WHITESPACE',
    );
  }
  return value;
}

/** The appId goes into a quoted header parameter: printable ASCII without quotes or spaces. */
export function requireAppId(value: unknown): string {
  const appId = requireCredential('appId', value);
  if (!/^[\x21\x23-\x7e]+$/.test(appId)) {
    throw new ConfigurationError('appId may contain only printable ASCII without spaces or quotes; check that the right value was configured.', 'INVALID_APP_ID');
  }
  return appId;
}

export function resolveBaseUrl(environment: unknown, baseUrl: unknown): string {
  if (baseUrl !== undefined) {
    if (typeof baseUrl !== 'string') throw new ConfigurationError('baseUrl must be a string such as "http://127.0.0.1:8080".');
    let parsed: URL;
    try {
      parsed = new URL(baseUrl);
    } catch {
      throw new ConfigurationError(`baseUrl "${baseUrl}" is not an absolute URL.`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new ConfigurationError(`baseUrl must use http or https, got ${parsed.protocol}`);
    }
    return baseUrl.replace(/\/+$/, '');
  }
  if (environment === undefined) {
    throw new ConfigurationError('Choose an environment: environment: "test" or "production" (or pass baseUrl, e.g. the local sandbox).');
  }
  if (typeof environment !== 'string' || !Object.prototype.hasOwnProperty.call(ENVIRONMENTS, environment)) {
    throw new ConfigurationError(`Unknown environment ${JSON.stringify(environment)}: use "test" or "production".`, 'UNKNOWN_ENVIRONMENT');
  }
  return ENVIRONMENTS[environment as ChinaUmsEnvironment];
}
