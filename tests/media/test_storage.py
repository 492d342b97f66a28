"""Storage: the local directory and an S3-compatible store (moto's server on 127.0.0.1), one behaviour."""

from __future__ import annotations

import pytest

from core.config import ConfigError, load_settings
from media import storage
from tests.conftest import test_environ

BUCKET = "scrm-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint):
    import boto3

    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test"
    )
    client.create_bucket(Bucket=BUCKET)
    store = storage.S3Storage(
        endpoint=s3_endpoint, bucket=BUCKET, access_key="test", secret_key="test", public_url="https://cdn.example/m"
    )
    yield store
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    store.close()
    client.close()


@pytest.fixture
def local(tmp_path):
    return storage.LocalStorage(tmp_path, "https://scrm.example/media")


@pytest.fixture(params=["local", "s3"])
def store(request):
    return request.getfixturevalue(request.param)


async def test_a_stored_file_reads_back_and_has_a_public_url(store):
    url = await store.put("listing/7/abc.jpg", b"jpeg bytes", "image/jpeg")
    assert url == store.url("listing/7/abc.jpg") and url.endswith("/listing/7/abc.jpg")
    assert await store.get("listing/7/abc.jpg") == b"jpeg bytes"
    assert await store.exists("listing/7/abc.jpg") and not await store.exists("listing/7/other.jpg")


async def test_delete_removes_the_file_and_deleting_twice_is_fine(store):
    await store.put("qr/s1.png", b"png", "image/png")
    await store.delete("qr/s1.png")
    await store.delete("qr/s1.png")
    assert not await store.exists("qr/s1.png")
    with pytest.raises(storage.MissingFile):
        await store.get("qr/s1.png")


@pytest.mark.parametrize("key", ["../etc/passwd", "a/../../b", "/abs", "a//b", "", "a b.jpg", "ü.jpg"])
async def test_keys_that_could_leave_the_root_are_refused(store, key):
    with pytest.raises(ValueError):
        await store.put(key, b"x", "image/jpeg")


async def test_s3_objects_carry_their_type_and_may_be_cached_by_a_cdn(s3, s3_endpoint):
    await s3.put("listing/1/a.jpg", b"jpeg", "image/jpeg")
    head = s3._client.head_object(Bucket=BUCKET, Key="listing/1/a.jpg")
    assert head["ContentType"] == "image/jpeg" and "immutable" in head["CacheControl"]
    assert s3.url("listing/1/a.jpg") == "https://cdn.example/m/listing/1/a.jpg"


def test_without_a_cdn_the_s3_url_is_the_bucket_path(s3_endpoint):
    store = storage.S3Storage(endpoint=s3_endpoint, bucket=BUCKET, access_key="k", secret_key="s")
    assert store.url("a/b.jpg") == f"{s3_endpoint}/{BUCKET}/a/b.jpg"
    store.close()


def test_settings_choose_the_storage(fake_wechat_server, s3_endpoint):
    local = storage.from_settings(load_settings(environ=test_environ(fake_wechat_server.url)))
    assert isinstance(local, storage.LocalStorage) and local.url("x.jpg").endswith("/media/x.jpg")
    s3 = storage.from_settings(
        load_settings(
            environ=test_environ(
                fake_wechat_server.url,
                MEDIA__STORAGE="s3",
                MEDIA__S3__ENDPOINT=s3_endpoint,
                MEDIA__S3__BUCKET=BUCKET,
                MEDIA__S3__ACCESS_KEY="k",
                MEDIA__S3__SECRET_KEY="s",
                MEDIA__PUBLIC_URL="https://cdn.example",
            )
        )
    )
    assert isinstance(s3, storage.S3Storage) and s3.url("x.jpg") == "https://cdn.example/x.jpg"
    s3.close()


@pytest.mark.parametrize(
    "environ, message",
    [
        ({"MEDIA__STORAGE": "ftp"}, "local or s3"),
        ({"MEDIA__STORAGE": "s3", "MEDIA__S3__ENDPOINT": "http://127.0.0.1:9"}, "MEDIA__S3__BUCKET"),
    ],
)
def test_incomplete_storage_settings_name_the_missing_key(fake_wechat_server, environ, message):
    with pytest.raises(ConfigError, match=message):
        storage.from_settings(load_settings(environ=test_environ(fake_wechat_server.url, **environ)))


async def test_the_app_serves_local_files_under_media(http, resources):
    await resources.storage.put("test/hello.txt", b"hello", "text/plain")
    response = await http.get("/media/test/hello.txt")
    assert response.status_code == 200 and response.content == b"hello"
    assert (await http.get("/media/../config.yaml")).status_code == 404
