/** Values an attacker tries on every input: the unit tests loop them over each parser and route. */
export const HOSTILE_VALUES = [
  'x'.repeat(10_000),
  '__proto__',
  'constructor',
  '\u0000\u0007\r\n\u001b[31m',
  '\uFFFD\uFFFD', // what %FF%FE (not UTF-8) decodes to
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  '../../etc/passwd',
  '',
];
