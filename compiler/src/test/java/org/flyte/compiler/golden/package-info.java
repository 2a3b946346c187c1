/**
 * Conformance tests against the compiler golden data of Flyte v1.16.8 ({@code
 * shared/testdata/compiler}, outside the repository; the tests skip when it is absent).
 */
package org.flyte.compiler.golden;
