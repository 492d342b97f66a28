"""The WeChat Pay v3 client against the fake: signed requests, verified answers, typed errors."""

import httpx
import pytest

from tests.fakewechatpay import FakeWeChatPay
from wechatpay import NotConfigured, TransferNotFound, WeChatPay, WeChatPayError, WeChatPayTransientError


def client_for(fake: FakeWeChatPay, **overrides) -> WeChatPay:
    cfg = {**fake.keys.settings(fake.url, "https://scrm.example/notify"), **overrides}
    return WeChatPay(
        mchid=cfg["mchid"],
        appid="wxapp",
        serial_no=cfg["serial_no"],
        private_key_pem=cfg["private_key"],
        platform_public_key_pem=cfg["platform_public_key"],
        platform_public_key_id=cfg["platform_public_key_id"],
        apiv3_key=cfg["apiv3_key"],
        api_base=cfg["api_base"],
        notify_url=cfg["notify_url"],
        timeout=1,
    )


TRANSFER = dict(
    out_bill_no="SCRMW0000000001",
    openid="o_mp",
    amount_fen=5000,
    remark="佣金",
    scene_id="1005",
    report_infos=[{"info_type": "岗位类型", "info_content": "推荐合伙人"}],
)


async def test_a_transfer_is_created_once_per_bill_number_and_can_be_queried(fake_wechatpay):
    client = client_for(fake_wechatpay)
    first = await client.create_transfer(**TRANSFER)
    again = await client.create_transfer(**TRANSFER)
    assert first["state"] == "WAIT_USER_CONFIRM" and first["package_info"]
    assert again["transfer_bill_no"] == first["transfer_bill_no"] and len(fake_wechatpay.bills) == 1
    assert (await client.get_transfer("SCRMW0000000001"))["transfer_amount"] == 5000
    with pytest.raises(TransferNotFound):
        await client.get_transfer("SCRMW0000000404")
    await client.close()


async def test_a_request_signed_with_another_key_is_refused(fake_wechatpay):
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.fakewechatpay import _pem_private

    other = _pem_private(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    client = client_for(fake_wechatpay, private_key=other)
    with pytest.raises(WeChatPayError) as refused:
        await client.create_transfer(**TRANSFER)
    assert refused.value.code == "SIGN_ERROR" and not fake_wechatpay.bills
    await client.close()


async def test_an_answer_that_does_not_verify_is_an_unknown_outcome(fake_wechatpay):
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.fakewechatpay import _pem_public

    impostor = _pem_public(rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key())
    client = client_for(fake_wechatpay, platform_public_key=impostor)
    with pytest.raises(WeChatPayTransientError):
        await client.create_transfer(**TRANSFER)
    await client.close()


async def test_server_errors_and_timeouts_are_transient_refusals_are_not(fake_wechatpay):
    client = client_for(fake_wechatpay)
    fake_wechatpay.fail("POST transfer-bills", status=500, code="SYSTEM_ERROR")
    with pytest.raises(WeChatPayTransientError):
        await client.create_transfer(**TRANSFER)
    fake_wechatpay.fail("POST transfer-bills", status=400, code="INVALID_REQUEST")
    with pytest.raises(WeChatPayError) as refused:
        await client.create_transfer(**TRANSFER)
    assert not isinstance(refused.value, WeChatPayTransientError)
    with pytest.raises(WeChatPayError, match="PARAM_ERROR"):
        await client.create_transfer(**{**TRANSFER, "amount_fen": 10})
    await client.close()


async def test_an_unconfigured_client_refuses_without_a_network_call():
    client = WeChatPay(
        mchid="",
        appid="",
        serial_no="",
        private_key_pem="",
        platform_public_key_pem="",
        platform_public_key_id="",
        apiv3_key="",
        http=httpx.AsyncClient(),
    )
    with pytest.raises(NotConfigured):
        await client.get_transfer("SCRMW0000000001")
    await client.close()
