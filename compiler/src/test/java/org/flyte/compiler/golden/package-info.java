/**
 * Conformance tests against the compiler golden data of Flyte v1.16.8 ({@code
 * flytepropeller/pkg/compiler/test/testdata}, outside this repository; {@link
 * org.flyte.compiler.golden.GoldenData} says where it is looked for). Without the data each test
 * class reports a skipped test with the reason.
 */
package org.flyte.compiler.golden;
