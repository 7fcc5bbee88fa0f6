import { describe, expect, it, vi } from 'vitest';
import { characterAbbreviation, controlName, firstReportedControl, isReportedControl, MAX_QUOTED_CHARS, quoted, REPORTED_CONTROL, shownList, shownValue } from './quoteValue';

describe('a value quoted in a message', () => {
  it('is shown whole up to 80 characters, and cut to 80 with an ellipsis past that', () => {
    expect(quoted('NL')).toBe('"NL"');
    expect(shownValue('a'.repeat(80))).toBe('a'.repeat(80));
    expect(shownValue('a'.repeat(81))).toBe(`${'a'.repeat(79)}…`);
    expect(shownValue('a'.repeat(81)).length).toBe(MAX_QUOTED_CHARS);
    expect(shownValue('abcdef', 4)).toBe('abc…');
  });

  it('reads only the start of a value of any length', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    // Counted, not timed: the characters it looks at, whatever the machine's load.
    const reads = vi.spyOn(String.prototype, 'charCodeAt');
    try {
      expect(quoted(huge)).toBe(`"${'x'.repeat(79)}…"`);
      expect(reads.mock.calls.length).toBeLessThanOrEqual(MAX_QUOTED_CHARS + 2);
    } finally {
      reads.mockRestore();
    }
  });

  it('names NUL bytes and other control characters instead of copying them', () => {
    expect(quoted('N\u0000L')).toBe('"N[NUL]L"');
    expect(shownValue('\u0001\u0007\u001b[31mred\u007f\u0085\u009b')).toBe('[SOH][BEL][ESC][31mred[DEL][NEL][CSI]');
    // Tab and line breaks too: a quoted value stays on one line.
    expect(shownValue('a\tb\r\nc')).toBe('a[TAB]b[CR][LF]c');
    // Characters that reverse or hide text are named by their code point.
    expect(shownValue('abc\u202Efed\u200B\uFEFF')).toBe('abc[U+202E]fed[U+200B][U+FEFF]');
    for (let c = 0; c < 0x20; c++) expect(shownValue(`x${String.fromCharCode(c)}`)).not.toMatch(/[\u0000-\u001f]/);
  });

  it('counts a named character by its name and never cuts one, nor a surrogate pair, in two', () => {
    expect(shownValue('\u0000'.repeat(20))).toBe(`${'[NUL]'.repeat(15)}…`);
    expect(shownValue(`${'a'.repeat(76)}\u0000b`)).toBe(`${'a'.repeat(76)}…`);
    const emoji = `${'a'.repeat(78)}😀😀`;
    expect(shownValue(emoji)).toBe(`${'a'.repeat(78)}…`);
    expect(shownValue(`${'a'.repeat(77)}😀bc`)).toBe(`${'a'.repeat(77)}😀…`);
    expect(shownValue(`${'a'.repeat(78)}😀`)).toBe(`${'a'.repeat(78)}😀`);
  });

  it('names control characters by abbreviation and by code point and Unicode name', () => {
    expect(characterAbbreviation(0)).toBe('NUL');
    expect(characterAbbreviation(0x1b)).toBe('ESC');
    expect(characterAbbreviation(0x7f)).toBe('DEL');
    expect(characterAbbreviation(0x92)).toBe('PU2');
    expect(controlName(0x1b)).toBe('U+001B ESCAPE');
    expect(controlName(0x0b)).toBe('U+000B LINE TABULATION');
    expect(controlName(0x7f)).toBe('U+007F DELETE');
    expect(controlName(0x85)).toBe('U+0085 NEXT LINE');
  });

  it('a list of values is cut as a whole, at a value', () => {
    expect(shownList(['1', '2', '3'])).toBe('1, 2, 3');
    const codes = Array.from({ length: 300 }, (_, i) => String(i + 1));
    const list = shownList(codes);
    expect(list.length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
    expect(list).toMatch(/^1, 2, 3, .*\d, …$/);
    expect(shownList(['a'.repeat(200), 'b'])).toBe(`${'a'.repeat(76)}…, …`);
    expect(shownList(['N\u0000L'])).toBe('N[NUL]L');
  });

  it('reports every control character but tab and line breaks, the pattern and the test agreeing', () => {
    for (let c = 0; c < 0x100; c++) expect(REPORTED_CONTROL.test(String.fromCharCode(c)), c.toString(16)).toBe(isReportedControl(c));
    expect([0x09, 0x0a, 0x0d].map(isReportedControl)).toEqual([false, false, false]);
    expect(firstReportedControl('ab\tc\n\u0007d\u0000')).toBe(0x07);
    expect(firstReportedControl('plain text, é 😀')).toBe(-1);
  });
});
