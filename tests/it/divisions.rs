//! A division's contact and link (`contact:`, `url:` in divisions.yaml):
//! shown on its page, escaped, and only with an address kind kohyo
//! publishes.

use crate::safety_input::Site;

#[test]
fn a_division_page_shows_its_contact_and_link() {
    let site = Site::fixture("cycles");
    let (code, _, err) = site.build();
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(site.path("public/divisions/jinji.html")).unwrap();
    assert!(
        page.contains("<dt>連絡先</dt><dd>電話 000-000-0000（例）</dd>"),
        "{page}"
    );
    assert!(
        page.contains(
            "<dt>所属のページ</dt><dd><a href=\"https://example.org/divisions/jinji/\">https://example.org/divisions/jinji/</a></dd>"
        ),
        "{page}"
    );
    // A division without them shows neither.
    let other = std::fs::read_to_string(site.path("public/divisions/zaisei.html")).unwrap();
    assert!(!other.contains("連絡先") && !other.contains("所属のページ"));
}

#[test]
fn a_division_link_must_be_a_safe_address_and_its_contact_is_escaped() {
    let site = Site::minimal();
    site.edit(
        "content/divisions.yaml",
        "    name: 人事課\n",
        "    name: 人事課\n    contact: <b>内線</b> 1234\n    url: javascript:alert(1)\n",
    );
    let (code, stderr) = site.check();
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "content/divisions.yaml:5:10: error: link `javascript:alert(1)` uses an address kind that is not allowed"
        ) && stderr.contains("hint: use an http://, https:// or mailto: address"),
        "{stderr}"
    );
    site.edit(
        "content/divisions.yaml",
        "javascript:alert(1)",
        "mailto:jinji@example.org",
    );
    let (code, _, err) = site.build();
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(site.path("public/divisions/jinji.html")).unwrap();
    assert!(
        page.contains("<dd>&lt;b&gt;内線&lt;/b&gt; 1234</dd>"),
        "{page}"
    );
    assert!(page.contains("href=\"mailto:jinji@example.org\""), "{page}");
}
