'use strict';

/**
 * Stands in for @stdlib/assert-has-generator-support (next.config.js, turbopack.resolveAlias).
 * The original tests for generator functions with eval(), which the pages' Content-Security-Policy
 * forbids: the browser reports a violation on every page that loads the t distribution. Every
 * engine this app supports (Node 20, current browsers) has generators, which is what the original
 * finds on Node, so the statistics take the same code path in the browser as in the tests.
 */
module.exports = function hasGeneratorSupport() {
  return true;
};
