package dev.zkcluster.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard in config/: well-formed, and plotting every metric DESIGN §6 names. */
class GrafanaDashboardTest {

  static final String RESOURCE = "grafana/zkcluster-dashboard.json";
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:zkcluster|pekko|http|jvm|process|executor)_[a-z0-9_]+)\\b");

  static JsonNode dashboard() throws IOException {
    try (InputStream in = GrafanaDashboardTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new AssertionError(RESOURCE + " is not on the classpath");
      }
      return Json.MAPPER.readTree(in);
    }
  }

  /** The metric families the dashboard's queries read: histogram suffixes dropped. */
  static Set<String> queriedFamilies(JsonNode dashboard) {
    Set<String> families = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        // label names (in by/without lists and selectors) are not metrics
        String expr = target.path("expr").asText()
            .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "")
            .replaceAll("\\{[^}]*\\}", "");
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
          families.add(m.group(1).replaceAll("_(bucket|sum|count)$", ""));
        }
      }
    }
    return families;
  }

  @Test
  void plotsEveryMetricOfTheDesign() throws IOException {
    Set<String> families = queriedFamilies(dashboard());
    for (String metric : List.of("zkcluster_jobs", "zkcluster_job_seconds", "zkcluster_witness_seconds",
        "zkcluster_batch_seconds", "zkcluster_requeued_jobs_total", "zkcluster_max_attempts_total",
        "zkcluster_worker_busy", "zkcluster_oldest_unproven_batch", "pekko_actor_processing_time_seconds",
        "pekko_cluster_sharding_region_processed_messages_total", "http_server_requests_total")) {
      assertTrue(families.contains(metric), metric + " is not plotted; the dashboard reads " + families);
    }
  }

  @Test
  void labelNamesAreNotTakenForMetrics() throws IOException {
    Set<String> families = queriedFamilies(dashboard());
    assertFalse(families.contains("http_status_code"), families.toString());
    assertTrue(families.stream().allMatch(f -> !f.endsWith("_bucket")), families.toString());
  }

  @Test
  void everyPanelHasAPlaceAUniqueIdAndPrometheusQueries() throws IOException {
    JsonNode dashboard = dashboard();
    assertEquals("zkcluster-overview", dashboard.path("uid").asText());
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id " + panel.path("id"));
      JsonNode grid = panel.path("gridPos");
      assertTrue(grid.path("w").asInt() > 0 && grid.path("x").asInt() + grid.path("w").asInt() <= 24,
          panel.path("title") + " " + grid);
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has no query");
      for (JsonNode target : panel.path("targets")) {
        assertEquals("${datasource}", target.path("datasource").path("uid").asText(), panel.path("title").asText());
        String expr = target.path("expr").asText();
        assertEquals(count(expr, '('), count(expr, ')'), "unbalanced parentheses in " + expr);
      }
    }
  }

  private static long count(String text, char c) {
    return text.chars().filter(ch -> ch == c).count();
  }
}
