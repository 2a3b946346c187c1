/** Tests of literal-type compatibility and inference, checked case by case against Flyte. */
package org.flyte.compiler.typing;
