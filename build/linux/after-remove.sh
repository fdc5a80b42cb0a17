#!/bin/bash
# Pickup Kiosk deb postrm: undoes after-install.sh. The kiosk user's data folder (encrypted credentials,
# journal) is left alone: removing the app must never lose the record of what the machine dispensed.
# On an upgrade dpkg calls this with "upgrade" and the new package's postinst runs right after; nothing is
# undone then, so the kiosk's command and service never go missing between the two.
# DPKG_ROOT: as in after-install.sh, paths are taken below it and the running system is left alone.
set -u

case "${1:-remove}" in
  remove | purge) ;;
  *) exit 0 ;;
esac

ROOT="${DPKG_ROOT:-}"
EXE='${executable}'
APP_DIR='/opt/${sanitizedProductName}'
skipped() { echo "pickup-kiosk: removing from DPKG_ROOT=$ROOT, skipped: $*"; }

ALT_ROOT=()
[ -n "$ROOT" ] && ALT_ROOT=(--root "$ROOT")
if type update-alternatives >/dev/null 2>&1; then
  update-alternatives "${ALT_ROOT[@]}" --remove "$EXE" "$APP_DIR/$EXE" || true
fi
# The plain link after-install.sh makes where update-alternatives is missing or failed.
if [ -L "$ROOT/usr/bin/$EXE" ] && [ "$(readlink "$ROOT/usr/bin/$EXE")" = "$APP_DIR/$EXE" ]; then
  rm -f "$ROOT/usr/bin/$EXE"
fi

# Only while the unit is still there: a purge after a remove would otherwise print a failure.
UNIT="$ROOT/usr/lib/systemd/user/pickup-kiosk.service"
if [ -f "$UNIT" ] && command -v systemctl >/dev/null 2>&1; then
  if [ -n "$ROOT" ]; then
    systemctl --root="$ROOT" --global disable pickup-kiosk.service || true
  else
    systemctl --global disable pickup-kiosk.service || true
  fi
fi
rm -f "$UNIT"
rm -rf "$ROOT/etc/systemd/user/pickup-kiosk.service.d"

rm -f "$ROOT/etc/udev/rules.d/99-pickup-kiosk.rules"
if [ -n "$ROOT" ]; then
  skipped "udevadm control --reload-rules"
elif command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
fi

if [ -f "$ROOT/etc/apparmor.d/$EXE" ]; then
  if [ -n "$ROOT" ]; then
    skipped "apparmor_parser --remove"
  elif apparmor_status --enabled >/dev/null 2>&1 && ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
    apparmor_parser --remove "/etc/apparmor.d/$EXE" || true
  fi
  rm -f "$ROOT/etc/apparmor.d/$EXE"
fi
exit 0
