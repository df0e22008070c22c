package org.educommons.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;

/** What the screens say and ask in the same way: a success message, a dialog asking for a text. */
public final class Prompts {

    private Prompts() {
    }

    /** Tells that an action succeeded, at the bottom of the screen for a few seconds. */
    public static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * Asks for a text (a reason, a year-end summary) in a dialog ({@code #prompt-input}, sent with
     * {@code #prompt-send}). The dialog closes once {@code action} took the text; when the service
     * refuses it, the dialog stays open with what was typed, under the error message.
     *
     * @param hint a sentence above the field, or null
     */
    public static void askText(String title, String hint, String label, String send, Consumer<String> action) {
        Dialog dialog = new Dialog(title);
        dialog.setId("prompt");
        if (hint != null) {
            dialog.add(new Paragraph(hint));
        }
        TextArea text = new TextArea(label);
        text.setId("prompt-input");
        text.setWidth("24em");
        text.setMaxWidth("100%");
        text.setMinHeight("6em");
        dialog.add(text);
        Button sendButton = new Button(send, e -> {
            action.accept(text.getValue());
            dialog.close();
        });
        sendButton.setId("prompt-send");
        sendButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(UI.getCurrent().getTranslation("common.back"), e -> dialog.close()), sendButton);
        dialog.open();
    }
}
