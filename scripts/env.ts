/**
 * Reading settings from the environment.
 */

/**
 * The value of an environment setting, or undefined when it is unset or
 * blank. A workflow that passes `${{ secrets.SMTP_URL }}` hands an empty
 * string to the program when the secret is not defined; that means "not
 * configured", not "a URL that is empty".
 */
export function setting(
  env: NodeJS.ProcessEnv,
  name: string,
): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}
