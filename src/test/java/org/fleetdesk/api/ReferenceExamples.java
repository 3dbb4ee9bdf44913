package org.fleetdesk.api;

/** The example answers and error bodies of the reference (connect-for-organisations.txt, recovered-details.md), verbatim. */
public final class ReferenceExamples {
    public static final String DEVICES = """
            {
            "devices": [
            {
            "id": "69739b44-ebb2-468e-9e24-08126dec4925",
            "name": "raspberrypi5",
            "serial_number": "ea636879c4d47a37",
            "tags": ["production", "kiosk"],
            "board": {
            "model": "Raspberry Pi 5",
            "revision": "1.0",
            "memory": "8 GB"
            },
            "os": {
            "name": "Raspberry Pi OS",
            "version": "13 (Trixie)"
            },
            "kernel_architecture": "aarch64",
            "filters": {
            "model": "5",
            "memory": "8gb",
            "os": "raspios-13"
            }
            }
            ],
            "meta": {
            "page": 1,
            "per_page": 100,
            "total_count": 1,
            "total_pages": 1
            }
            }
            """;

    public static final String AUTH_KEY_CREATED = """
            {
            "id": "12345",
            "description": "my-auth-key",
            "device_name": "pi5-001",
            "tags": ["production", "kiosk"],
            "secret": "rpoak_123456",
            "expires_at": "2025-01-01T00:00:30Z",
            "exchanged_at": null,
            "created_at": "2024-12-31T00:00:30Z"
            }
            """;

    public static final String AUTH_KEYS = """
            {
            "auth_keys": [
            {
            "id": "096ce472-2cbd-412a-8295-6c03a1a07ba4",
            "description": "my-auth-key",
            "device_name": "pi5-001",
            "tags": ["production", "kiosk"],
            "expires_at": "2026-02-26T16:09:52Z",
            "exchanged_at": null,
            "created_at": "2026-02-25T16:09:52Z"
            }
            ],
            "meta": {
            "page": 1,
            "per_page": 100,
            "total_count": 1,
            "total_pages": 1
            }
            }
            """;

    public static final String AUTH_KEY = """
            {
            "id": "096ce472-2cbd-412a-8295-6c03a1a07ba4",
            "description": "my-auth-key",
            "device_name": "pi5-001",
            "tags": ["production", "kiosk"],
            "expires_at": "2026-02-26T16:09:52Z",
            "exchanged_at": null,
            "created_at": "2026-02-25T16:09:52Z"
            }
            """;

    public static final String AUTH_KEY_UPDATED = """
            {
            "id": "096ce472-2cbd-412a-8295-6c03a1a07ba4",
            "description": "my-renamed-auth-key",
            "device_name": "pi5-001",
            "tags": ["production", "kiosk"],
            "expires_at": "2026-02-26T16:09:52Z",
            "exchanged_at": null,
            "created_at": "2026-02-25T16:09:52Z"
            }
            """;

    public static final String IDENTITY_CREATED = """
            {
            "id": "096ce472-2cbd-412a-8295-6c03a1a07ba4",
            "description": "my-device-identity",
            "device_name": "pi5-001",
            "tags": ["production", "kiosk"],
            "created_at": "2026-02-25T16:09:52Z",
            "public_key": "-----BEGIN PUBLIC KEY-----..."
            }
            """;

    public static final String IDENTITIES = """
            {
            "device_identities": [
            {
            "id": "096ce472-2cbd-412a-8295-6c03a1a07ba4",
            "description": "my-device-identity",
            "device_name": "pi5-001",
            "tags": [],
            "created_at": "2026-02-25T16:09:52Z",
            "public_key": "-----BEGIN PUBLIC KEY-----..."
            }
            ],
            "meta": {
            "page": 1,
            "per_page": 100,
            "total_count": 1,
            "total_pages": 1
            }
            }
            """;

    public static final String IDENTITY = """
            {
            "id": "096ce472-2cbd-412a-8295-6c03a1a07ba4",
            "description": "my-device-identity",
            "device_name": "pi5-001",
            "tags": [],
            "created_at": "2026-02-25T16:09:52Z",
            "public_key": "-----BEGIN PUBLIC KEY-----..."
            }
            """;

    public static final String IDENTITY_UPDATED = """
            {
            "id": "096ce472-2cbd-412a-8295-6c03a1a07ba4",
            "description": "my-renamed-device-identity",
            "device_name": "pi5-001",
            "tags": ["production", "kiosk"],
            "created_at": "2026-02-25T16:09:52Z",
            "public_key": "-----BEGIN PUBLIC KEY-----..."
            }
            """;

    public static final String ARTEFACTS = """
            {
            "artefacts": [
            {
            "id": "ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a",
            "name": "kiosk-v1.0",
            "uri": "https://example.com/kiosk-v1.0.tar.zst",
            "checksum": "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6"
            }
            ],
            "meta": {
            "page": 1,
            "per_page": 100,
            "total_count": 1,
            "total_pages": 1
            }
            }
            """;

    public static final String ARTEFACT_CREATED = """
            {
            "id": "ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a",
            "name": "kiosk-v1.0",
            "uri": "https://example.com/kiosk-v1.0.tar.zst",
            "checksum": "d39fc02ad7878db7f6803f54dfce89346a763a603cb8e62221ba893fee9c5cc6"
            }
            """;

    public static final String DEPLOYMENTS = """
            {
            "deployments": [
            {
            "id": "fdf45c44-2c0e-4f12-9b04-3a6a1c0d3b8d",
            "state": "failed",
            "state_reason": "Checksum mismatch",
            "device_id": "69739b44-ebb2-468e-9e24-08126dec4925",
            "artefact_id": "ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a",
            "created_at": "2026-02-25T16:09:52Z",
            "updated_at": "2026-02-25T16:10:30Z"
            }
            ],
            "meta": {
            "page": 1,
            "per_page": 100,
            "total_count": 1,
            "total_pages": 1
            }
            }
            """;

    public static final String DEPLOYMENT = """
            {
            "id": "fdf45c44-2c0e-4f12-9b04-3a6a1c0d3b8d",
            "state": "succeeded",
            "state_reason": null,
            "device_id": "69739b44-ebb2-468e-9e24-08126dec4925",
            "artefact_id": "ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a",
            "created_at": "2026-02-25T16:09:52Z",
            "updated_at": "2026-02-25T16:10:30Z"
            }
            """;

    public static final String DEPLOYMENT_CREATED = """
            {
            "id": "fdf45c44-2c0e-4f12-9b04-3a6a1c0d3b8d",
            "state": "pending",
            "state_reason": null,
            "device_id": "69739b44-ebb2-468e-9e24-08126dec4925",
            "artefact_id": "ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a",
            "created_at": "2026-02-25T16:09:52Z",
            "updated_at": "2026-02-25T16:09:52Z"
            }
            """;

    public static final String DEPLOYMENT_CANCELLED = """
            {
            "id": "fdf45c44-2c0e-4f12-9b04-3a6a1c0d3b8d",
            "state": "cancelled",
            "state_reason": null,
            "device_id": "69739b44-ebb2-468e-9e24-08126dec4925",
            "artefact_id": "ee92e7e6-2c2c-4e7d-9d80-2cce8a6c7e8a",
            "created_at": "2026-02-25T16:09:52Z",
            "updated_at": "2026-02-25T16:10:30Z"
            }
            """;

    public static final String ERROR_PUBLIC_KEY_INVALID = "{\"message\":\"Validation failed: Public key is invalid\"}";
    public static final String ERROR_DESCRIPTION_BLANK = "{\"message\":\"Validation failed: Description can't be blank\"}";
    public static final String ERROR_NAME_BLANK = "{\"message\":\"Validation failed: Name can't be blank\"}";
    public static final String ERROR_ARTEFACT_DEPLOYED = "{\"message\":\"Cannot delete artefacts that have been deployed\"}";
    public static final String ERROR_BILLING = "{\"message\":\"Deployments are blocked until billing has been set up\"}";
    public static final String ERROR_CANCEL_SUCCEEDED = "{\"message\":\"Cannot cancel deployment in state \\\"succeeded\\\"\"}";

    private ReferenceExamples() {
    }
}
