/* xdnd_drop WINDOW_ID FILE…: drops files on an X window the way a file manager does, with the
 * XDND protocol (https://www.freedesktop.org/wiki/Specifications/XDND/), for the window tests:
 * xdotool can move the pointer and press keys but cannot drag a file.
 *
 * As the drag source we own the XdndSelection, send the target XdndEnter (type text/uri-list),
 * XdndPosition over its centre, and on its XdndStatus, XdndDrop; then answer its SelectionRequest
 * with the files as file:// URIs and wait for XdndFinished. Exit 0 when the target accepted the
 * drop, 1 otherwise (with the reason on stderr). */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static Display* dpy;
static Atom a_aware, a_enter, a_position, a_status, a_drop, a_finished, a_selection, a_uri_list, a_copy;

static void send_message(Window target, Window source, Atom type, long l1, long l2, long l3, long l4) {
  XEvent e;
  memset(&e, 0, sizeof e);
  e.xclient.type = ClientMessage;
  e.xclient.display = dpy;
  e.xclient.window = target;
  e.xclient.message_type = type;
  e.xclient.format = 32;
  e.xclient.data.l[0] = (long)source;
  e.xclient.data.l[1] = l1;
  e.xclient.data.l[2] = l2;
  e.xclient.data.l[3] = l3;
  e.xclient.data.l[4] = l4;
  XSendEvent(dpy, target, False, NoEventMask, &e);
  XFlush(dpy);
}

/* The next event of `type` (ClientMessage of `message`, or any other type), within 10 s. */
static int wait_for(int type, Atom message, XEvent* out) {
  const time_t end = time(NULL) + 10;
  while (time(NULL) < end) {
    while (XPending(dpy)) {
      XNextEvent(dpy, out);
      if (out->type == type && (type != ClientMessage || out->xclient.message_type == message)) return 1;
      if (out->type == SelectionRequest && type != SelectionRequest) return -1;
    }
    struct timespec pause = {0, 10 * 1000 * 1000};
    nanosleep(&pause, NULL);
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s WINDOW_ID FILE...\n", argv[0]);
    return 2;
  }
  dpy = XOpenDisplay(NULL);
  if (!dpy) {
    fprintf(stderr, "xdnd_drop: cannot open the display\n");
    return 1;
  }
  const Window target = (Window)strtoul(argv[1], NULL, 0);
  a_aware = XInternAtom(dpy, "XdndAware", False);
  a_enter = XInternAtom(dpy, "XdndEnter", False);
  a_position = XInternAtom(dpy, "XdndPosition", False);
  a_status = XInternAtom(dpy, "XdndStatus", False);
  a_drop = XInternAtom(dpy, "XdndDrop", False);
  a_finished = XInternAtom(dpy, "XdndFinished", False);
  a_selection = XInternAtom(dpy, "XdndSelection", False);
  a_uri_list = XInternAtom(dpy, "text/uri-list", False);
  a_copy = XInternAtom(dpy, "XdndActionCopy", False);

  /* The target must say it takes drops, and which protocol version. */
  Atom type;
  int format;
  unsigned long count, after;
  unsigned char* data = NULL;
  if (XGetWindowProperty(dpy, target, a_aware, 0, 1, False, XA_ATOM, &type, &format, &count, &after, &data) !=
          Success || count == 0) {
    fprintf(stderr, "xdnd_drop: window %s does not accept drops (no XdndAware)\n", argv[1]);
    return 1;
  }
  const long version = *(Atom*)data < 5 ? (long)*(Atom*)data : 5;
  XFree(data);

  const Window source = XCreateSimpleWindow(dpy, DefaultRootWindow(dpy), 0, 0, 1, 1, 0, 0, 0);
  XSetSelectionOwner(dpy, a_selection, source, CurrentTime);

  /* The centre of the target, in root coordinates. */
  XWindowAttributes attrs;
  XGetWindowAttributes(dpy, target, &attrs);
  int x = 0, y = 0;
  Window child;
  XTranslateCoordinates(dpy, target, DefaultRootWindow(dpy), attrs.width / 2, attrs.height / 2, &x, &y, &child);

  send_message(target, source, a_enter, version << 24, (long)a_uri_list, None, None);
  send_message(target, source, a_position, 0, ((long)x << 16) | (y & 0xFFFF), CurrentTime, (long)a_copy);
  XEvent e;
  if (wait_for(ClientMessage, a_status, &e) != 1) {
    fprintf(stderr, "xdnd_drop: no XdndStatus from the target\n");
    return 1;
  }
  if (!(e.xclient.data.l[1] & 1)) {
    fprintf(stderr, "xdnd_drop: the target refused the drop\n");
    return 1;
  }
  send_message(target, source, a_drop, 0, CurrentTime, None, None);

  /* The files, as the text/uri-list the target asks for. */
  if (wait_for(SelectionRequest, None, &e) != 1) {
    fprintf(stderr, "xdnd_drop: the target did not ask for the files\n");
    return 1;
  }
  char uris[8192] = "";
  for (int i = 2; i < argc; ++i) {
    strncat(uris, "file://", sizeof uris - strlen(uris) - 1);
    strncat(uris, argv[i], sizeof uris - strlen(uris) - 1);
    strncat(uris, "\r\n", sizeof uris - strlen(uris) - 1);
  }
  const XSelectionRequestEvent* req = &e.xselectionrequest;
  XChangeProperty(dpy, req->requestor, req->property, req->target, 8, PropModeReplace, (unsigned char*)uris,
                  (int)strlen(uris));
  XEvent reply;
  memset(&reply, 0, sizeof reply);
  reply.xselection.type = SelectionNotify;
  reply.xselection.display = dpy;
  reply.xselection.requestor = req->requestor;
  reply.xselection.selection = req->selection;
  reply.xselection.target = req->target;
  reply.xselection.property = req->property;
  reply.xselection.time = req->time;
  XSendEvent(dpy, req->requestor, False, NoEventMask, &reply);
  XFlush(dpy);

  if (wait_for(ClientMessage, a_finished, &e) != 1) {
    fprintf(stderr, "xdnd_drop: no XdndFinished from the target\n");
    return 1;
  }
  XDestroyWindow(dpy, source);
  XCloseDisplay(dpy);
  return 0;
}
