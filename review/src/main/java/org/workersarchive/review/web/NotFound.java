package org.workersarchive.review.web;

/** What the request names is not in the archive (404). */
final class NotFound extends RuntimeException {

    NotFound(String message) {
        super(message);
    }
}
