/** The SWR management API's resources ({@code /v2/manage/...}) and the request and response records of its payloads. */
package io.wharf.web.api.manage;
