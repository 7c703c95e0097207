//! `kohyo serve` as a person uses it: start it on a copy of a fixture site,
//! fetch pages over loopback, edit, break and fix content files and watch the
//! served pages follow, and stop it. Every network use is 127.0.0.1, every
//! wait is bounded, and each server is killed by its own pid at the end.

#[path = "serve/harness.rs"]
pub mod harness;

use std::net::TcpListener;
use std::thread;
use std::time::Instant;

use harness::*;

#[test]
fn serves_the_site_from_memory() {
    let site = site();
    let before = listing(site.path());
    let server = Server::start(site.path());
    assert!(server.stdout().contains("built "), "{}", server.stdout());

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("cache-control"), Some("no-store"));
    assert!(home.body.contains("例示サイト"));
    // The reload script sits just before `</body>`, in served pages only.
    let script = home
        .body
        .find("new EventSource(\"/__kohyo/live\")")
        .unwrap();
    assert!(script < home.body.rfind("</body>").unwrap());

    let item = server.get(ITEM_PAGE);
    assert_eq!(item.status, 200);
    assert!(item.body.contains(OLD_TITLE));

    for (path, content_type) in [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/search.js", "text/javascript; charset=utf-8"),
        ("/data/structure.json", "application/json"),
        ("/data/structure.csv", "text/csv; charset=utf-8"),
        ("/search/meta.json", "application/json"),
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(
            response.header("content-type"),
            Some(content_type),
            "{path}"
        );
        assert!(!response.body.contains("EventSource"), "{path}");
    }

    let folder = server.get("/plans/demo");
    assert_eq!(folder.status, 308);
    assert_eq!(folder.header("location"), Some("/plans/demo/"));
    assert!(server.get("/plans/demo/").body.contains("<html"));

    for path in [
        "/nope.html",
        "/../Cargo.toml",
        "/%2e%2e/content/site.yaml",
        "/content/site.yaml",
        "//etc/passwd",
    ] {
        let missing = server.get(path);
        assert_eq!(missing.status, 404, "{path}");
        assert_eq!(
            missing.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert!(missing.body.contains("<html"), "{path}: the 404 page");
        assert!(!missing.body.contains("organisation"), "{path}");
    }

    assert!(!site.path().join("public").exists());
    assert_eq!(listing(site.path()), before, "serve wrote nothing");
}

#[test]
fn rebuilds_on_change_shows_errors_over_the_last_good_build_and_recovers() {
    let site = site();
    let mut server = Server::start(site.path());
    let mut live = open_live(server.addr);
    let first = live_events(&mut live, 1);

    edit(site.path(), ITEM, OLD_TITLE, "新しい題名の実施項目");
    poll(&server, ITEM_PAGE, "the new title", |r| {
        r.body.contains("新しい題名の実施項目")
    });
    let second = live_events(&mut live, 1);
    assert_ne!(first[0], second[0], "a new build id after the rebuild");
    assert!(
        server
            .stdout()
            .lines()
            .any(|l| l.starts_with("rebuilt ") && l.ends_with(" ms") && l.contains(" pages in ")),
        "{}",
        server.stdout()
    );

    // A YAML syntax error: the old page stays, under a banner with the error.
    edit(
        site.path(),
        ITEM,
        "title: 新しい題名の実施項目",
        "title: \"新しい題名の実施項目",
    );
    let broken = poll(&server, ITEM_PAGE, "the error banner", |r| {
        r.body.contains("kohyo-serve-problems")
    });
    assert_eq!(broken.status, 200);
    assert!(
        broken.body.contains("新しい題名の実施項目"),
        "the last good build"
    );
    assert!(broken.body.contains("role=\"alert\""));
    assert!(
        broken.body.contains("error: invalid YAML"),
        "{}",
        broken.body
    );
    assert!(
        broken.body.contains(&format!("{ITEM}:2:")),
        "{}",
        broken.body
    );
    assert!(
        !broken.body.contains("\u{1b}["),
        "no colours in the browser"
    );
    let banner = broken.body.find("kohyo-serve-problems").unwrap();
    assert!(banner < broken.body.rfind("</body>").unwrap());
    // Other pages get the banner too; other files stay as they were.
    assert!(server.get("/").body.contains("kohyo-serve-problems"));
    assert!(
        !server
            .get("/static/style.css")
            .body
            .contains("kohyo-serve-problems")
    );
    let start = Instant::now();
    while !server
        .stderr()
        .contains("still serving the last good build")
    {
        assert!(start.elapsed() < PATIENCE, "stderr: {}", server.stderr());
        thread::sleep(STEP);
    }
    assert!(server.stderr().contains(&format!("{ITEM}:2:")));

    edit(site.path(), ITEM, "title: \"", "title: ");
    let fixed = poll(&server, ITEM_PAGE, "the banner gone", |r| {
        !r.body.contains("kohyo-serve-problems")
    });
    assert!(fixed.body.contains("新しい題名の実施項目"));

    // Editor temp files and hidden files cause no rebuild.
    let rebuilds = |s: &Server| s.stdout().matches("rebuilt ").count();
    // Two good rebuilds so far; their lines may still be on their way.
    let start = Instant::now();
    while rebuilds(&server) < 2 {
        assert!(start.elapsed() < PATIENCE, "{}", server.stdout());
        thread::sleep(STEP);
    }
    let count = rebuilds(&server);
    std::fs::write(site.path().join("content/.01.yaml.swp"), "x").unwrap();
    std::fs::write(site.path().join("content/01.yaml~"), "x").unwrap();
    std::fs::write(site.path().join("content/4913"), "").unwrap();
    std::fs::create_dir(site.path().join("public")).unwrap();
    std::fs::write(site.path().join("public/index.html"), "x").unwrap();
    // Then a real change: it, and only it, rebuilds. No waiting for a
    // rebuild that should not come: the real change is seen, the server is
    // stopped, and its last line ("stopped") means every rebuild line before
    // it has been read.
    edit(
        site.path(),
        ITEM,
        "title: 新しい題名の実施項目",
        "title: 一時ファイルの後の題名",
    );
    poll(&server, ITEM_PAGE, "the real change", |r| {
        r.body.contains("一時ファイルの後の題名")
    });
    #[cfg(unix)]
    {
        assert!(server.interrupt().success());
        let start = Instant::now();
        while !server.stdout().lines().any(|l| l == "stopped") {
            assert!(start.elapsed() < PATIENCE, "{}", server.stdout());
            thread::sleep(STEP);
        }
        assert_eq!(
            rebuilds(&server),
            count + 1,
            "only the real change rebuilds: {}",
            server.stdout()
        );
    }

    std::fs::remove_dir_all(site.path().join("public")).unwrap();
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_first_build_that_fails_serves_an_error_page_until_fixed() {
    let site = site();
    edit(site.path(), ITEM, "title: ", "title: \"");
    let server = Server::start(site.path());
    for path in ["/", ITEM_PAGE, "/static/style.css"] {
        let page = server.get(path);
        assert_eq!(page.status, 500, "{path}");
        assert!(page.body.contains("does not build"), "{path}");
        assert!(page.body.contains("error: invalid YAML"), "{}", page.body);
        assert!(page.body.contains(&format!("{ITEM}:2:")), "{}", page.body);
        assert!(
            page.body.contains("EventSource"),
            "{path}: reloads when fixed"
        );
    }
    assert!(
        server
            .stderr()
            .contains("serving an error page until they are fixed")
    );

    edit(site.path(), ITEM, "title: \"", "title: ");
    let page = poll(&server, ITEM_PAGE, "the site once fixed", |r| {
        r.status == 200
    });
    assert!(page.body.contains(OLD_TITLE));
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_theme_folder_made_later_and_a_replaced_content_folder_are_watched() {
    let site = site();
    let server = Server::start(site.path());

    // `themes/` does not exist at the start.
    let own = site.path().join("themes/default/static");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::write(own.join("style.css"), "/* own style */").unwrap();
    poll(&server, "/static/style.css", "the site's own style", |r| {
        r.body == "/* own style */"
    });

    // Replaced whole, as switching branches may do.
    let content = site.path().join("content");
    let old = site.path().join("old-content");
    std::fs::rename(&content, &old).unwrap();
    copy_dir(&old, &content);
    std::fs::remove_dir_all(&old).unwrap();
    edit(site.path(), ITEM, OLD_TITLE, "入れ替え後の題名");
    poll(&server, ITEM_PAGE, "the title in the new folder", |r| {
        r.body.contains("入れ替え後の題名")
    });
    edit(site.path(), ITEM, "入れ替え後の題名", "もう一度変えた題名");
    poll(&server, ITEM_PAGE, "a later edit in the new folder", |r| {
        r.body.contains("もう一度変えた題名")
    });
    assert!(!site.path().join("public").exists());
}

#[test]
fn an_occupied_port_is_a_clear_error_with_exit_2() {
    let site = site();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, stderr) = serve_that_fails(&[
        "--port".as_ref(),
        port.as_ref(),
        "--root".as_ref(),
        site.path().as_os_str(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "error: port {port} on 127.0.0.1 is already in use"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: ") && stderr.contains("--port"),
        "{stderr}"
    );
    drop(taken);
}

#[test]
fn a_missing_site_folder_is_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let nowhere = tmp.path().join("nowhere");
    let (code, stderr) = serve_that_fails(&[
        "--port".as_ref(),
        "0".as_ref(),
        "--root".as_ref(),
        nowhere.as_os_str(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("cannot open the site folder"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly_with_a_page_listening() {
    let site = site();
    let mut server = Server::start(site.path());
    let mut live = open_live(server.addr);
    live_events(&mut live, 1);
    let status = server.interrupt();
    assert_eq!(status.code(), Some(0), "{}", server.stderr());
    assert!(server.stdout().contains("stopped"));
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_broken_template_shows_its_error_over_the_last_good_build() {
    let site = site();
    let server = Server::start(site.path());
    let templates = site.path().join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("404.html"),
        "{% extends \"base.html\" %}{% block main %}{% if %}{% endblock main %}",
    )
    .unwrap();
    let broken = poll(&server, ITEM_PAGE, "the template error banner", |r| {
        r.body.contains("kohyo-serve-problems")
    });
    assert!(
        broken.body.contains(OLD_TITLE),
        "the last good build is still served"
    );
    assert!(
        broken.body.contains("themes/default/templates/404.html"),
        "{}",
        broken.body
    );
    assert!(broken.body.contains("template error"), "{}", broken.body);
    std::fs::write(
        templates.join("404.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>独自の404</h1>{% endblock main %}",
    )
    .unwrap();
    poll(&server, ITEM_PAGE, "the banner gone after the fix", |r| {
        !r.body.contains("kohyo-serve-problems")
    });
    assert!(!site.path().join("public").exists());
}

#[test]
fn after_an_edit_pages_render_on_request_and_the_search_index_catches_up() {
    let site = site();
    let server = Server::start(site.path());
    edit(site.path(), ITEM, OLD_TITLE, "検索に出る新しい題名");
    poll(&server, ITEM_PAGE, "the new title", |r| {
        r.body.contains("検索に出る新しい題名")
    });
    // The earlier build's search index is served until the new one is ready.
    assert_eq!(server.get("/search/meta.json").status, 200);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !server.stdout().contains("search index updated in ") {
        assert!(
            std::time::Instant::now() < deadline,
            "the search index was not rebuilt: {}",
            server.stdout()
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(server.get("/search/meta.json").status, 200);
    // The other files of the rebuilt site are there too.
    assert_eq!(server.get("/data/structure.csv").status, 200);
    // No base URL, so no sitemap (it lists absolute addresses only).
    assert_eq!(server.get("/sitemap.xml").status, 404);

    // A template that fails only when a page is rendered: that page shows
    // the error, the others still work.
    let templates = site.path().join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("item.html"),
        "{% extends \"base.html\" %}{% block main %}{{ page.no_such_view.field }}{% endblock main %}",
    )
    .unwrap();
    let failed = poll(&server, ITEM_PAGE, "the render error", |r| {
        r.body.contains("templates/item.html")
    });
    assert!(
        failed.body.contains("template failed to render"),
        "{}",
        failed.body
    );
    assert!(server.get("/").body.contains("例示サイト"));
}

/// A page on another site that points its own name at 127.0.0.1 (DNS
/// rebinding) sends that name as `Host`: it gets 421 and nothing of the
/// preview, not even the error text of a failed build.
#[test]
fn a_foreign_host_header_is_refused_even_for_the_error_page() {
    let site = site();
    edit(site.path(), ITEM, "title: ", "title: \"");
    let server = Server::start(site.path());
    let port = server.addr.port();
    let own = server.get(ITEM_PAGE);
    assert_eq!(own.status, 500);
    assert!(own.body.contains("error: invalid YAML"), "{}", own.body);

    for head in [
        format!(
            "GET {ITEM_PAGE} HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n"
        ),
        "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n".to_string(),
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n".to_string(),
        format!(
            "GET / HTTP/1.1\r\nHost: localhost.evil.example:{port}\r\nConnection: close\r\n\r\n"
        ),
        format!(
            "GET /__kohyo/live HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n"
        ),
        format!(
            "GET http://evil.example:{port}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        ),
        "GET / HTTP/1.0\r\n\r\n".to_string(),
    ] {
        let refused = request(server.addr, &head);
        assert_eq!(refused.status, 421, "{head}");
        assert_eq!(
            refused.header("content-type"),
            Some("text/plain; charset=utf-8"),
            "{head}"
        );
        assert!(
            refused
                .body
                .contains(&format!("answers only http://127.0.0.1:{port}/")),
            "{}",
            refused.body
        );
        assert!(!refused.body.contains("YAML"), "{head}: {}", refused.body);
        assert!(!refused.body.contains(ITEM), "{head}: {}", refused.body);
    }

    for host in [
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
        format!("[::1]:{port}"),
    ] {
        let own = request(
            server.addr,
            &format!("GET {ITEM_PAGE} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(own.status, 500, "{host}");
        assert!(own.body.contains("error: invalid YAML"), "{host}");
    }
}

/// Live-reload streams are bounded: the 65th open one gets 503, while pages
/// are still served.
#[test]
fn live_streams_beyond_the_bound_get_503() {
    let site = site();
    let server = Server::start(site.path());
    let mut open = Vec::new();
    for _ in 0..64 {
        let mut live = open_live(server.addr);
        live_events(&mut live, 1);
        open.push(live);
    }
    let refused = request(
        server.addr,
        &format!(
            "GET /__kohyo/live HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n",
            server.addr
        ),
    );
    assert_eq!(refused.status, 503, "{}", refused.body);
    assert!(
        refused.body.contains("too many live-reload streams"),
        "{}",
        refused.body
    );
    assert_eq!(server.get("/").status, 200);
    // The open streams still get the next build.
    edit(site.path(), ITEM, OLD_TITLE, "新しい題名");
    live_events(&mut open[0], 1);
    live_events(&mut open[63], 1);
}

#[test]
fn drafts_are_served_under_a_banner_until_published() {
    let site = crate::drafts::draft_site();
    let server = Server::start(site.path());
    let cycle = server.get("/plans/demo/cycles/2026.html");
    assert_eq!(cycle.status, 200);
    assert!(cycle.body.contains("<strong>公表前の案</strong>"));
    assert!(cycle.body.contains("下書きの総括"));
    assert!(
        server
            .get("/plans/demo/items/1.html")
            .body
            .contains("公表前の案")
    );
    assert!(!server.stdout().contains("left out"), "{}", server.stdout());

    // Publishing is changing one key: the banner goes, the results stay.
    edit(
        site.path(),
        "content/plans/demo/results/2026.yaml",
        "status: draft",
        "status: published",
    );
    let published = poll(&server, "/plans/demo/cycles/2026.html", "no banner", |r| {
        !r.body.contains("公表前の案")
    });
    assert!(published.body.contains("下書きの総括"));
}
