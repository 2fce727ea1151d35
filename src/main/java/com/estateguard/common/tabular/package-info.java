/**
 * Reading uploaded tables (CSV or Excel) into numbered rows, and the one bad-row report every
 * import gives back. A named interface so the importing modules may use it.
 */
@org.springframework.modulith.NamedInterface("tabular")
package com.estateguard.common.tabular;
