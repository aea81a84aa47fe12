package io.wharf.web.console;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Renders a {@link View} with Thymeleaf: templates under {@code /WEB-INF/templates}, texts from the console's message
 * bundle. The page is rendered whole before a byte is sent, so a template that fails mid-page leaves no half page.
 */
@Produces(MediaType.TEXT_HTML)
@jakarta.ws.rs.ext.Provider
public class ViewWriter implements MessageBodyWriter<View> {
    private static volatile TemplateEngine engine;
    private static volatile JakartaServletWebApplication application;

    @Context
    ServletContext servletContext;
    @Context
    HttpServletRequest request;
    @Context
    HttpServletResponse response;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return View.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(View view, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException, WebApplicationException {
        TemplateEngine templates = engine();
        WebContext context = new WebContext(application.buildExchange(request, response), view.locale());
        context.setVariables(view.variables());
        StringWriter page = new StringWriter(8192);
        templates.process(view.template(), context, page);
        Writer out = new OutputStreamWriter(entity, StandardCharsets.UTF_8);
        out.write(page.toString());
        out.flush();
    }

    private TemplateEngine engine() {
        if (engine == null) {
            synchronized (ViewWriter.class) {
                if (engine == null) {
                    application = JakartaServletWebApplication.buildApplication(servletContext);
                    WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
                    resolver.setPrefix("/WEB-INF/templates/");
                    resolver.setSuffix(".html");
                    resolver.setTemplateMode(TemplateMode.HTML);
                    resolver.setCharacterEncoding("UTF-8");
                    resolver.setCacheable(true);
                    TemplateEngine built = new TemplateEngine();
                    built.setTemplateResolver(resolver);
                    built.setMessageResolver(new ConsoleMessages());
                    engine = built;
                }
            }
        }
        return engine;
    }
}
