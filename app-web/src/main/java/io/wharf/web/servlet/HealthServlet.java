package io.wharf.web.servlet;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code /health/ready}: 200 when the database answers within two seconds, 503 otherwise. {@code /health/live}: 200
 * while the server runs. Neither needs a token: they reveal nothing but up or down.
 */
@WebServlet(urlPatterns = {"/health/ready", "/health/live"})
public class HealthServlet extends HttpServlet {
    @Resource(lookup = "jdbc/wharf")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        if (request.getServletPath().endsWith("/live")) {
            response.getWriter().write("{\"status\":\"UP\"}");
            return;
        }
        boolean database = databaseAnswers();
        response.setStatus(database ? 200 : 503);
        response.getWriter().write("{\"status\":\"" + (database ? "UP" : "DOWN") + "\",\"checks\":"
                + "{\"database\":\"" + (database ? "UP" : "DOWN") + "\"}}");
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            log("Readiness check: the database does not answer: " + e.getMessage());
            return false;
        }
    }
}
