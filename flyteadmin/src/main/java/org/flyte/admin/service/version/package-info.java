/** GetVersion: the build's version, commit and time. */
package org.flyte.admin.service.version;
