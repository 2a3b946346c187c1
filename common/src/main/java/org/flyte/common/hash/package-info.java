/**
 * Flyte's content hashes: Ben Laurie's objecthash over the JSON form of a proto ({@code
 * flytestdlib/pbhash}), shared by FlyteAdmin's registration digests and the tests that derive
 * FlytePropeller's cache keys.
 */
package org.flyte.common.hash;
