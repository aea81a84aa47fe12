package io.wharf.web.api.manage;

import io.wharf.domain.account.Caller;
import io.wharf.domain.usage.AccountOverview;
import io.wharf.web.api.CurrentCaller;
import io.wharf.web.application.UsageService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code GET /v2/manage/overview} ({@code ShowDomainOverview}: the caller's account — organizations, repositories,
 * images, stored and pulled MiB) and {@code GET /v2/manage/reports/{resource_type}/{frequency}}
 * ({@code ShowDomainResourceReports}: {@code store} or {@code downflow}, {@code daily}, the last 30 days).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {
    @Inject
    UsageService usage;
    @Inject
    CurrentCaller caller;

    /** The reference's field names, {@code namspace_num} spelt as it is. */
    public record Overview(String domainId, String domainName, long namspaceNum, long repoNum, long imageNum,
                           double storeSpace, double downflowSize) {
    }

    @GET
    @Path("overview")
    public Overview overview() {
        Caller who = caller.get();
        AccountOverview o = usage.overview(who);
        return new Overview(who.accountId(), who.accountName(), o.namespaces(), o.repositories(), o.images(),
                UsageService.mebibytes(o.storeBytes()), UsageService.mebibytes(o.downflowBytes()));
    }

    @GET
    @Path("reports/{resource_type}/{frequency}")
    public List<UsageService.DayValue> report(@PathParam("resource_type") String resourceType,
                                              @PathParam("frequency") String frequency) {
        return usage.report(caller.get(), resourceType, frequency);
    }
}
