/** The review server: the archive seen, searched and corrected in a browser. */
package org.workersarchive.review;
