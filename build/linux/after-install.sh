#!/bin/bash
# Pickup Kiosk deb postinst. `kioskctl build --target deb` fills in ${executable} and ${sanitizedProductName}
# (electron-builder's macro names, so the script reads the same as electron-builder's own).
# It does the work of electron-builder's default script (the /usr/bin link, the Chromium sandbox, the AppArmor
# profile), then wires the machine for kiosk use:
#   - the udev rule that names the board's USB-serial adapter /dev/pickup-board (group dialout),
#   - the systemd user service, enabled for the kiosk user only,
#   - the kiosk user in the dialout group, so it may open the serial port, and its data folder.
# The kiosk user is "kiosk" unless KIOSK_USER is set in /etc/default/pickup-kiosk. Safe to run again.
#
# DPKG_ROOT (set by `dpkg --root=DIR --force-script-chrootless`): the package is being installed into DIR,
# not into the running system. Every path is then taken below DIR, tools that only act on files take DIR as
# their root, and whatever would act on the running machine (kernel, udev, user accounts) is skipped and said so.
set -u

ROOT="${DPKG_ROOT:-}"
PRODUCT='${sanitizedProductName}'
APP_DIR="/opt/$PRODUCT"
EXE='${executable}'
BIN="/usr/bin/$EXE"
LINUX_DIR="$ROOT$APP_DIR/resources/linux"
KIOSK_USER=kiosk
[ -r "$ROOT/etc/default/pickup-kiosk" ] && . "$ROOT/etc/default/pickup-kiosk"

skipped() { echo "pickup-kiosk: installing into DPKG_ROOT=$ROOT, skipped: $*"; }

# 1. Command on the PATH (the systemd unit and the autostart entry start /usr/bin/pickup-kiosk). The link
#    target is the path on the installed system, so it stays right inside a DPKG_ROOT image.
#    update-alternatives takes DPKG_ROOT from the environment (dpkg >= 1.20.1), and --root says so plainly.
ALT_ROOT=()
[ -n "$ROOT" ] && ALT_ROOT=(--root "$ROOT")
if type update-alternatives >/dev/null 2>&1; then
  if [ -L "$ROOT$BIN" ] && [ "$(readlink "$ROOT$BIN")" != "/etc/alternatives/$EXE" ]; then rm -f "$ROOT$BIN"; fi
  update-alternatives "${ALT_ROOT[@]}" --install "$BIN" "$EXE" "$APP_DIR/$EXE" 100 ||
    ln -sf "$APP_DIR/$EXE" "$ROOT$BIN"
else
  ln -sf "$APP_DIR/$EXE" "$ROOT$BIN"
fi

# 2. Chromium sandbox: setuid helper only where unprivileged user namespaces are unavailable. The probe asks
#    the running kernel, which says nothing about the system inside DPKG_ROOT.
if [ -n "$ROOT" ]; then
  skipped "the user-namespace probe for chrome-sandbox (it stays as packaged, 0755)"
elif [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$APP_DIR/chrome-sandbox" 2>/dev/null || true
else
  chmod 4755 "$APP_DIR/chrome-sandbox" 2>/dev/null || true
fi

# 3. AppArmor: Ubuntu 24.04+ restricts unprivileged user namespaces unless a profile for the executable's
#    fixed path allows them (build/linux/apparmor-profile). The profile needs AppArmor 4 (abi/4.0); older
#    AppArmor (Debian 12, Ubuntu 22.04) does not restrict namespaces and would reject it, so it is installed
#    only where it parses. Inside DPKG_ROOT the image's own abi/4.0 file stands for that check.
PROFILE_SRC="$ROOT$APP_DIR/resources/apparmor-profile"
PROFILE_DST="$ROOT/etc/apparmor.d/$EXE"
if [ -f "$PROFILE_SRC" ]; then
  if [ -n "$ROOT" ]; then
    if [ -e "$ROOT/etc/apparmor.d/abi/4.0" ]; then
      cp -f "$PROFILE_SRC" "$PROFILE_DST"
      skipped "apparmor_parser --replace (the profile loads at the image's next boot)"
    else
      skipped "the AppArmor profile (no AppArmor 4 in $ROOT/etc/apparmor.d/abi)"
    fi
  elif apparmor_status --enabled >/dev/null 2>&1; then
    if apparmor_parser --skip-kernel-load --debug "$PROFILE_SRC" >/dev/null 2>&1; then
      cp -f "$PROFILE_SRC" "$PROFILE_DST"
      if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
        apparmor_parser --replace --write-cache --skip-read-cache "$PROFILE_DST" || true
      fi
    else
      echo "pickup-kiosk: this AppArmor does not accept the bundled profile (AppArmor 4 needed); not installed"
    fi
  fi
fi

# 4. udev rule: stable /dev/pickup-board for CH340, FTDI, CP210x and PL2303 adapters.
install -D -m 0644 "$LINUX_DIR/99-pickup-kiosk.rules" "$ROOT/etc/udev/rules.d/99-pickup-kiosk.rules"
if [ -n "$ROOT" ]; then
  skipped "udevadm control --reload-rules and udevadm trigger"
elif command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=tty --action=add || true
fi

# 5. systemd user service, enabled globally but limited by ConditionUser= to the kiosk user, so an
#    administrator logging in graphically does not get a second kiosk. `systemctl --root` only writes links.
install -D -m 0644 "$LINUX_DIR/pickup-kiosk.service" "$ROOT/usr/lib/systemd/user/pickup-kiosk.service"
mkdir -p "$ROOT/etc/systemd/user/pickup-kiosk.service.d"
printf '[Unit]\nConditionUser=%s\n' "$KIOSK_USER" >"$ROOT/etc/systemd/user/pickup-kiosk.service.d/kiosk-user.conf"
if command -v systemctl >/dev/null 2>&1; then
  if [ -n "$ROOT" ]; then
    systemctl --root="$ROOT" --global enable pickup-kiosk.service || true
  else
    systemctl --global enable pickup-kiosk.service || true
  fi
fi

# 6. The kiosk user: serial port access (effective at its next login), and its data folder, created as that
#    user so that no folder on the way is left owned by root (the app could not write its lock or log there).
#    Only a missing folder is created; nothing that exists is changed.
if [ -n "$ROOT" ]; then
  skipped "usermod -a -G dialout $KIOSK_USER and the kiosk user's data folder (accounts of the running system)"
elif id "$KIOSK_USER" >/dev/null 2>&1; then
  usermod -a -G dialout "$KIOSK_USER" || true
  KIOSK_HOME="$(getent passwd "$KIOSK_USER" | cut -d: -f6)"
  if [ -n "$KIOSK_HOME" ] && [ -d "$KIOSK_HOME" ]; then
    runuser -u "$KIOSK_USER" -- mkdir -p -m 0700 "$KIOSK_HOME/.config/$PRODUCT" || true
  fi
else
  echo "pickup-kiosk: user '$KIOSK_USER' does not exist yet; create it, then: usermod -a -G dialout $KIOSK_USER" >&2
fi

# 7. The machine configuration holds the maintenance PIN's hash: readable by root and the kiosk user's group only,
#    not by every account on the PC. Only where that group exists, or the kiosk could not read its own settings.
CONFIG="$ROOT$APP_DIR/resources/machine.json"
if [ -n "$ROOT" ]; then
  skipped "restricting $APP_DIR/resources/machine.json to the kiosk user's group (accounts of the running system)"
elif [ -f "$CONFIG" ] && KIOSK_GROUP="$(id -gn "$KIOSK_USER" 2>/dev/null)"; then
  chgrp "$KIOSK_GROUP" "$CONFIG" && chmod 0640 "$CONFIG"
elif [ -f "$CONFIG" ]; then
  echo "pickup-kiosk: $APP_DIR/resources/machine.json stays readable by all until '$KIOSK_USER' exists and the package is reinstalled" >&2
fi

if [ -n "$ROOT" ]; then
  skipped "update-desktop-database"
elif hash update-desktop-database 2>/dev/null; then
  update-desktop-database /usr/share/applications || true
fi
exit 0
