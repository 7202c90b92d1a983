"""`credplan export --format html` and `--all`: a page for each family."""

from __future__ import annotations

from counselor import class_folder


def test_one_page_for_a_student(run, tmp_path, ohio, colorado):
    paths = class_folder(tmp_path / "data" / "plans", ohio, colorado)
    out = tmp_path / "ben.html"
    done = run("export", "--student", "Ben Ortiz", "-o", str(out))  # the format from the file name
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Credential plan: Ben Ortiz" in text
    assert "On track: meets every requirement once the planned credentials are earned." in text
    assert out.stat().st_mode & 0o777 == 0o600
    eli = run("export", "--plan", str(paths["eli"]), "--format", "html")  # to standard output
    assert eli.returncode == 0 and "English competency" in eli.stdout and "<script" not in eli.stdout


def test_all_writes_one_page_per_student_and_never_overwrites(run, tmp_path, ohio, colorado):
    class_folder(tmp_path / "data" / "plans", ohio, colorado)
    out = tmp_path / "pages"
    done = run("export", "--all", "-o", str(out))
    assert done.returncode == 2  # two plans could not be read; the rest are written
    written = sorted(p.name for p in out.iterdir())
    assert [n.split("-")[0] for n in written] == ["ana", "ben", "cy", "dana", "eli", "fay"]  # named as the plans
    assert all(n.endswith(".html") for n in written)
    assert done.stdout.strip() == f"wrote 6 files into {out}"
    assert "broken.toml:2: TOML syntax" in done.stderr and "`gone`" in done.stderr
    fay = next(out.glob("fay-ng--*.html")).read_text(encoding="utf-8")
    assert "Math competency" in fay and "Colorado example district" in fay

    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / sorted(before)[0]).write_text("kept", encoding="utf-8")
    again = run("export", "--all", "-o", str(out))
    assert again.returncode == 2 and "already exists; give --force to replace it" in again.stderr
    assert (out / sorted(before)[0]).read_text(encoding="utf-8") == "kept"  # nothing written
    forced = run("export", "--all", "-o", str(out), "--force")
    assert (out / sorted(before)[0]).read_bytes() == before[sorted(before)[0]]
    assert forced.stdout.strip() == f"wrote 6 files into {out}"


def test_all_from_another_folder_in_markdown(run, tmp_path, ohio, colorado):
    class_folder(tmp_path / "elsewhere", ohio, colorado)
    out = tmp_path / "md"
    done = run("export", "--all", "--dir", str(tmp_path / "elsewhere"), "--format", "md", "-o", str(out))
    assert len(list(out.glob("*.md"))) == 6, done.stderr
    assert run("export", "--all").returncode == 2  # no folder to write into
    assert run("export", "--all", "--plan", "x.toml", "-o", str(out)).returncode == 2  # one or the other
