/**
 * Internals of the spec format: reading {@code .lvs} and {@code .md} files into
 * a transcript, the expected-line forms, aligning expected with actual output,
 * rendering diffs and rewriting output blocks for {@code --update}.
 *
 * <p>Nothing here is API: use {@link dev.lvsunit.spec.Spec},
 * {@link dev.lvsunit.spec.SpecRunner} and their siblings. The types are public
 * only because Java packages cannot share package-private members.
 */
package dev.lvsunit.spec.format;
