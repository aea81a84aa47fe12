package io.wharf.web.console;

import io.wharf.domain.asset.AssetQuery;
import io.wharf.domain.asset.ScanCriteria;
import io.wharf.domain.asset.ImageType;
import io.wharf.web.application.ImageAssetService;
import io.wharf.web.application.ScanService;
import io.wharf.web.application.Page;
import io.wharf.web.application.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/image-assets}: HSS's image list — the images in your organizations or shared with your account,
 * filtered by organization, name and newest tag only, with their scan state, a page at a time; the account's
 * administrators turn scanning on push on or off here.
 */
@ApplicationScoped
@Path("image-assets")
public class ImageAssetPages extends ConsoleResource {
    @Inject
    ImageAssetService assets;
    @Inject
    ScanService scans;

    @Override
    void handle(ConsoleRequest console) throws IOException {
        if (console.isPost()) {
            boolean on = "on".equals(console.param("scanOnPush"));
            scans.setScanOnPush(console.caller(), on);
            console.flash(console.text(on ? "assets.scanOn" : "assets.scanOff"));
            console.redirect("/console/image-assets");
            return;
        }
        ImageType type = ImageType.ofApiName(console.param("type")).orElse(ImageType.PRIVATE_IMAGE);
        String namespace = blankToNull(console.param("namespace"));
        String name = blankToNull(console.param("q"));
        boolean latest = "true".equals(console.param("latest"));
        PageRequest request = Paging.request(console);
        Page<ImageAssetService.AssetView> page = assets.list(console.caller(), new AssetQuery(null, null, type,
                namespace, name, null, latest, null, null, null, null, request.offset(), request.limit(),
                ScanCriteria.NONE));
        Map<String, Object> model = new HashMap<>();
        model.put("assets", page.items());
        model.put("paging", Paging.of(request, page));
        model.put("type", type.apiName());
        model.put("namespace", namespace == null ? "" : namespace);
        model.put("q", name == null ? "" : name);
        model.put("latest", latest);
        model.put("scanOnPush", scans.scanOnPush(console.caller()));
        model.put("mayChangeScanning", console.caller().accountAdministrator());
        console.render(200, "image-assets", model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
