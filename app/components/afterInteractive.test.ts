import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterInteractive, onFirstIntent } from './afterInteractive';

/**
 * The browser's side, stubbed: event listeners on window, idle callbacks run by hand, and a paint
 * timeline that the test advances (`paint()`), with PerformanceObserver's 'paint' entries.
 */
function stubBrowser() {
  const listeners = new Map<string, Set<() => void>>();
  const idle: (() => void)[] = [];
  const observers = new Set<() => void>();
  let painted = false;
  vi.stubGlobal('window', {
    addEventListener: (type: string, fn: () => void) => listeners.set(type, (listeners.get(type) ?? new Set()).add(fn)),
    removeEventListener: (type: string, fn: () => void) => listeners.get(type)?.delete(fn),
  });
  vi.stubGlobal('document', { activeElement: null, body: {} });
  vi.stubGlobal('navigator', {});
  vi.stubGlobal('performance', { getEntriesByName: (name: string) => (painted && name === 'first-contentful-paint' ? [{ name }] : []) });
  vi.stubGlobal(
    'PerformanceObserver',
    Object.assign(
      class {
        constructor(private readonly callback: () => void) {}
        observe() {
          observers.add(this.callback);
        }
        disconnect() {
          observers.delete(this.callback);
        }
      },
      { supportedEntryTypes: ['paint'] },
    ),
  );
  vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn));
  vi.stubGlobal('cancelIdleCallback', () => {});
  return {
    paint() {
      painted = true;
      for (const callback of [...observers]) callback();
    },
    runIdle: () => idle.splice(0).forEach((fn) => fn()),
    idleQueued: () => idle.length,
    fire: (type: string) => [...(listeners.get(type) ?? [])].forEach((fn) => fn()),
    observing: () => observers.size,
  };
}

describe('afterInteractive (when background downloads start)', () => {
  let browser: ReturnType<typeof stubBrowser>;
  beforeEach(() => {
    browser = stubBrowser();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('waits for the first contentful paint before asking for idle time', () => {
    const start = vi.fn();
    afterInteractive(start);
    expect(browser.idleQueued()).toBe(0);
    browser.runIdle();
    expect(start).not.toHaveBeenCalled();
    browser.paint();
    expect(browser.idleQueued()).toBe(1);
    expect(browser.observing()).toBe(0);
    browser.runIdle();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('asks for idle time at once when the page has already painted', () => {
    browser.paint();
    const start = vi.fn();
    afterInteractive(start);
    browser.runIdle();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts at the first move even before the paint, once', () => {
    const start = vi.fn();
    afterInteractive(start);
    browser.fire('pointermove');
    expect(start).toHaveBeenCalledTimes(1);
    expect(browser.observing()).toBe(0);
    browser.paint();
    browser.runIdle();
    browser.fire('keydown');
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('dropped before the paint, it never starts', () => {
    const start = vi.fn();
    const drop = afterInteractive(start);
    drop();
    expect(browser.observing()).toBe(0);
    browser.paint();
    browser.runIdle();
    browser.fire('pointermove');
    expect(start).not.toHaveBeenCalled();
  });

  it('onFirstIntent never starts on idle time or paint alone', () => {
    const start = vi.fn();
    onFirstIntent(start);
    browser.paint();
    browser.runIdle();
    expect(start).not.toHaveBeenCalled();
    browser.fire('focusin');
    expect(start).toHaveBeenCalledTimes(1);
  });
});
