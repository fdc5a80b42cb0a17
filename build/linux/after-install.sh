#!/bin/bash
# Pickup Kiosk deb post-install. electron-builder fills in ${executable} and ${sanitizedProductName}.
# Replaces electron-builder's default script, so it also does that script's work: the /usr/bin link, the
# Chromium sandbox and the AppArmor profile. Then it wires the machine for kiosk use:
#   - the udev rule that names the board's USB-serial adapter /dev/pickup-board (group dialout),
#   - the systemd user service, enabled for the kiosk user only,
#   - the kiosk user in the dialout group, so it may open the serial port.
# The kiosk user is "kiosk" unless KIOSK_USER is set in /etc/default/pickup-kiosk. Safe to run again.
set -u

APP_DIR='/opt/${sanitizedProductName}'
EXE='${executable}'
BIN="/usr/bin/$EXE"
LINUX_DIR="$APP_DIR/resources/linux"
KIOSK_USER=kiosk
[ -r /etc/default/pickup-kiosk ] && . /etc/default/pickup-kiosk

# 1. Command on the PATH (the systemd unit and the autostart entry start /usr/bin/pickup-kiosk).
if type update-alternatives >/dev/null 2>&1; then
  if [ -L "$BIN" ] && [ "$(readlink "$BIN")" != "/etc/alternatives/$EXE" ]; then rm -f "$BIN"; fi
  update-alternatives --install "$BIN" "$EXE" "$APP_DIR/$EXE" 100 || ln -sf "$APP_DIR/$EXE" "$BIN"
else
  ln -sf "$APP_DIR/$EXE" "$BIN"
fi

# 2. Chromium sandbox: setuid helper only where unprivileged user namespaces are unavailable.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$APP_DIR/chrome-sandbox" 2>/dev/null || true
else
  chmod 4755 "$APP_DIR/chrome-sandbox" 2>/dev/null || true
fi

# 3. AppArmor (Ubuntu 24.04+ restricts user namespaces unless a profile allows them).
if [ -f "$APP_DIR/resources/apparmor-profile" ] && apparmor_status --enabled >/dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --debug "$APP_DIR/resources/apparmor-profile" >/dev/null 2>&1; then
    cp -f "$APP_DIR/resources/apparmor-profile" "/etc/apparmor.d/$EXE"
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
      apparmor_parser --replace --write-cache --skip-read-cache "/etc/apparmor.d/$EXE" || true
    fi
  fi
fi

# 4. udev rule: stable /dev/pickup-board for CH340, FTDI, CP210x and PL2303 adapters.
install -D -m 0644 "$LINUX_DIR/99-pickup-kiosk.rules" /etc/udev/rules.d/99-pickup-kiosk.rules
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=tty --action=add || true
fi

# 5. systemd user service, enabled globally but limited by ConditionUser= to the kiosk user, so an
#    administrator logging in graphically does not get a second kiosk.
install -D -m 0644 "$LINUX_DIR/pickup-kiosk.service" /usr/lib/systemd/user/pickup-kiosk.service
mkdir -p /etc/systemd/user/pickup-kiosk.service.d
printf '[Unit]\nConditionUser=%s\n' "$KIOSK_USER" > /etc/systemd/user/pickup-kiosk.service.d/kiosk-user.conf
if command -v systemctl >/dev/null 2>&1; then
  systemctl --global enable pickup-kiosk.service || true
fi

# 6. Serial port access for the kiosk user (takes effect at its next login).
if id "$KIOSK_USER" >/dev/null 2>&1; then
  usermod -a -G dialout "$KIOSK_USER" || true
else
  echo "pickup-kiosk: user '$KIOSK_USER' does not exist yet; create it, then: usermod -a -G dialout $KIOSK_USER" >&2
fi

if hash update-desktop-database 2>/dev/null; then update-desktop-database /usr/share/applications || true; fi
exit 0
